using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Database;

/// <summary>Our reminder schema, driven through Orleans' own ADO.NET reminder table.</summary>
public class ReminderTableContractTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private IReminderTable Table => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    private static GrainId NewGrainId() => GrainId.Create("remindertest", $"r-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_reminder_is_stored_read_back_updated_and_removed_with_its_etag()
    {
        var grainId = NewGrainId();
        var start = new DateTime(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);
        var period = TimeSpan.FromDays(30); // longer than int.MaxValue milliseconds

        var etag = await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "reconcile", StartAt = start, Period = period });
        var read = await Table.ReadRow(grainId, "reconcile");
        Assert.NotNull(read);
        Assert.Equal(start, read.StartAt.ToUniversalTime());
        Assert.Equal(period, read.Period);
        Assert.Equal(etag, read.ETag);

        var newEtag = await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "reconcile", StartAt = start, Period = TimeSpan.FromMinutes(1) });
        Assert.NotEqual(etag, newEtag);

        Assert.False(await Table.RemoveRow(grainId, "reconcile", etag!));
        Assert.True(await Table.RemoveRow(grainId, "reconcile", newEtag!));
        Assert.Null(await Table.ReadRow(grainId, "reconcile"));
    }

    [Fact]
    public async Task Reminders_are_found_by_grain_and_by_the_hash_range_that_holds_the_grain()
    {
        var grainId = NewGrainId();
        var start = DateTime.UtcNow;
        await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "a", StartAt = start, Period = TimeSpan.FromMinutes(1) });
        await Table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "b", StartAt = start, Period = TimeSpan.FromMinutes(2) });

        var byGrain = await Table.ReadRows(grainId);
        Assert.Equal(["a", "b"], byGrain.Reminders.Select(r => r.ReminderName).Order());

        var hash = grainId.GetUniformHashCode();
        var around = await Table.ReadRows(hash - 1, hash);
        Assert.Equal(2, around.Reminders.Count(r => r.GrainId == grainId));

        var everything = await Table.ReadRows(hash, hash); // begin == end: the whole ring
        Assert.Equal(2, everything.Reminders.Count(r => r.GrainId == grainId));

        var elsewhere = await Table.ReadRows(hash, hash + 1 == 0 ? 1u : hash + 1);
        Assert.DoesNotContain(elsewhere.Reminders, r => r.GrainId == grainId);
    }
}
