using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

/// <summary>A busy village: many households written at once share the roster's state writes, and none is lost.</summary>
public class RosterGroupCommitTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private const string Village = "630102100201";

    [Fact]
    public async Task Concurrent_registrations_in_one_village_are_all_listed_after_the_roster_is_reloaded_from_storage()
    {
        foreach (var code in new[] { "630000000000", "630100000000", "630102000000", "630102100000", Village })
        {
            await fixture.Client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput("Area " + code, 1000));
        }

        var ids = Enumerable.Range(0, 60).Select(i => $"busy-{i:D3}").ToList();
        await Task.WhenAll(ids.Select(id =>
            fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id)).PutAsync(Synthetic.Household(Village), null)));

        // Deactivate every grain, so the roster answers from what it stored, not from memory.
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var roster = await fixture.Client.GetGrain<IVillageRosterGrain>(Village).ListAsync(null, null, 1, 500);
        var stats = await fixture.Client.GetGrain<IVillageRosterGrain>(Village).GetStatsAsync();

        Assert.Equal(ids, roster.Items.Select(h => h.HouseholdId));
        Assert.Equal(60, stats.Households);
    }
}
