using System.Diagnostics;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Statistics;

/// <summary>A cluster whose counties roll up every two seconds.</summary>
public class FastRollupClusterFixture : PlatformClusterFixture
{
    /// <summary>The rollup period of this cluster.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Statistics:Period"] = Period.ToString(),
    };
}

public class RollupTests(FastRollupClusterFixture fixture) : IClassFixture<FastRollupClusterFixture>
{
    private static readonly TimeSpan Period = FastRollupClusterFixture.Period;

    [Fact]
    public async Task Random_registrations_transitions_and_relocations_roll_up_exactly_at_every_level()
    {
        var world = new StatsWorld(fixture.Client, "620000000000", seed: 7);
        await world.CreateAreasAsync();
        for (var i = 0; i < 40; i++)
        {
            await world.RegisterAsync();
        }

        for (var i = 0; i < 60; i++)
        {
            await world.ChangeAsync();
        }

        var mismatches = await ConvergeAsync(world, 3 * Period);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        var check = await fixture.Client.GetGrain<IConsistencyGrain>(0).CheckAsync("620000000000");
        Assert.True(check.Consistent, string.Join("; ", check.Differences.Select(d => $"{d.Figure}: {d.Served} vs {d.Recount}")));
        Assert.Equal(40, check.Recount.Households + check.Recount.RemovedHouseholds);
    }

    [Fact]
    public async Task Duplicated_and_reordered_reports_never_count_twice_or_go_back()
    {
        var county = fixture.Client.GetGrain<ICountyStatsGrain>("630204000000");
        var newer = StatsCounts.Empty with { Households = 5, People = 12, Villages = 1 };
        var older = StatsCounts.Empty with { Households = 3, People = 7, Villages = 1 };

        await county.ReportVillageAsync("630204101201", newer, 2);
        await county.ReportVillageAsync("630204101201", newer, 2);
        await county.ReportVillageAsync("630204101201", older, 1);
        await Task.Delay(3 * Period);

        var stats = await county.GetStatsAsync("630204000000");
        Assert.Equal((5, 12), (stats.Households, stats.People));
        Assert.Equal(5, (await county.GetStatsAsync("630204101000")).Households);
        var city = await fixture.Client.GetGrain<IRegionStatsGrain>("630200000000").GetStatsAsync();
        var province = await fixture.Client.GetGrain<IRegionStatsGrain>("630000000000").GetStatsAsync();
        Assert.Equal(5, city.Households);
        Assert.Equal(5, province.Households);

        await fixture.Client.GetGrain<IRegionStatsGrain>("630000000000").ReportCountyAsync("630204000000", older, 0, DateTimeOffset.UtcNow);
        Assert.Equal(5, (await fixture.Client.GetGrain<IRegionStatsGrain>("630000000000").GetStatsAsync()).Households);
    }

    [Fact]
    public async Task A_write_announced_but_never_made_is_settled_and_a_retry_still_counts()
    {
        var world = new StatsWorld(fixture.Client, "680000000000", seed: 3);
        await world.CreateAreasAsync();
        var village = world.Villages[0];
        var roster = fixture.Client.GetGrain<IVillageRosterGrain>(village);
        await roster.ExpectAsync("never-written", 1); // as if the household's silo died before its first write

        await Task.Delay(3 * Period);
        var record = Testing.Synthetic.Household(village);
        await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("never-written")).PutAsync(record, null);

        var rows = await roster.ListAsync(null, null, 1, 50);
        Assert.Equal(["never-written"], rows.Items.Select(r => r.HouseholdId));
        Assert.Equal(1, (await roster.GetStatsAsync()).Households);
    }

    [Fact]
    public async Task A_county_with_nothing_changed_does_not_push_again()
    {
        var county = fixture.Client.GetGrain<ICountyStatsGrain>("640204000000");
        await county.ReportVillageAsync("640204101201", StatsCounts.Empty with { Households = 1, Villages = 1 }, 1);
        await Task.Delay(3 * Period);
        var first = await fixture.Client.GetGrain<IRegionStatsGrain>("640000000000").GetStatsAsync();

        await Task.Delay(3 * Period);
        var later = await fixture.Client.GetGrain<IRegionStatsGrain>("640000000000").GetStatsAsync();

        Assert.Equal(1, first.Households);
        Assert.Equal(first.AsOf, later.AsOf); // no tick recomputed or pushed without a change
    }

    private static async Task<List<string>> ConvergeAsync(StatsWorld world, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        List<string> mismatches;
        do
        {
            mismatches = await world.MismatchesAsync();
            if (mismatches.Count == 0)
            {
                return mismatches;
            }

            await Task.Delay(100);
        }
        while (clock.Elapsed < within);
        return mismatches;
    }
}
