using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansPlatform.Areas;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Database;

/// <summary>Our grain-state schema, driven through Orleans' own ADO.NET storage provider.</summary>
public class GrainStorageContractTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(PlatformStorage.Name);

    private static GrainId NewGrainId() => GrainId.Create("storagetest", $"g-{Guid.NewGuid():N}");

    [Fact]
    public async Task Racing_first_writes_of_one_grain_state_leave_exactly_one_winner_and_one_row()
    {
        var grainId = NewGrainId();
        var writers = Enumerable.Range(0, 8)
            .Select(i => new GrainState<AreaState>(new AreaState { Name = $"writer {i}" }))
            .ToArray();

        var outcomes = await Task.WhenAll(writers.Select(async state =>
        {
            try
            {
                await Storage.WriteStateAsync("race", grainId, state);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = writers[Array.IndexOf(outcomes, true)];
        var read = new GrainState<AreaState>();
        await Storage.ReadStateAsync("race", grainId, read);
        Assert.Equal(winner.State!.Name, read.State!.Name);
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE state_name = 'race' AND grain_id_ext = $1", grainId.Key.ToString()!));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_newer_state_kept()
    {
        var grainId = NewGrainId();
        var first = new GrainState<AreaState>(new AreaState { Name = "v1" });
        await Storage.WriteStateAsync("stale", grainId, first);
        var stale = new GrainState<AreaState>(new AreaState { Name = "stale" }) { ETag = first.ETag };
        first.State!.Name = "v2";
        await Storage.WriteStateAsync("stale", grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("stale", grainId, stale));

        var read = new GrainState<AreaState>();
        await Storage.ReadStateAsync("stale", grainId, read);
        Assert.Equal("v2", read.State!.Name);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task States_of_different_names_for_one_grain_do_not_collide()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync("first", grainId, new GrainState<AreaState>(new AreaState { Name = "one" }));
        await Storage.WriteStateAsync("second", grainId, new GrainState<AreaState>(new AreaState { Name = "two" }));

        var first = new GrainState<AreaState>();
        var second = new GrainState<AreaState>();
        await Storage.ReadStateAsync("first", grainId, first);
        await Storage.ReadStateAsync("second", grainId, second);

        Assert.Equal("one", first.State!.Name);
        Assert.Equal("two", second.State!.Name);
    }

    [Fact]
    public async Task Clearing_keeps_a_versioned_tombstone_and_the_grain_can_write_again()
    {
        var grainId = NewGrainId();
        var state = new GrainState<AreaState>(new AreaState { Name = "to clear" });
        await Storage.WriteStateAsync("clear", grainId, state);

        await Storage.ClearStateAsync("clear", grainId, state);
        var afterClear = new GrainState<AreaState>();
        await Storage.ReadStateAsync("clear", grainId, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.State!.Name);

        afterClear.State!.Name = "again";
        await Storage.WriteStateAsync("clear", grainId, afterClear);
        var final = new GrainState<AreaState>();
        await Storage.ReadStateAsync("clear", grainId, final);
        Assert.Equal("again", final.State!.Name);
    }

    [Fact]
    public async Task Reading_a_state_is_one_primary_key_probe()
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_ext, grain_id_hash, state_name_hash, payload, version)
            SELECT 'filler', 'filler', 0, 0, 'k' || i, i, 0, '\x00'::bytea, 1 FROM generate_series(1, 5000) AS i;
            ANALYZE orleans_grain_state;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = 'ReadFromStorageKey'", connection);
        var readQuery = (string)(await query.ExecuteScalarAsync())!;
        await using var explain = new NpgsqlCommand("EXPLAIN " + readQuery, connection);
        explain.Parameters.AddWithValue("ServiceId", "filler");
        explain.Parameters.AddWithValue("GrainTypeString", "filler");
        explain.Parameters.AddWithValue("GrainIdN0", 0L);
        explain.Parameters.AddWithValue("GrainIdN1", 0L);
        explain.Parameters.AddWithValue("GrainIdExtensionString", "k42");
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("Index Scan using orleans_grain_state_pk", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }
}
