using Orleans.Core.Internal;
using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Statistics;

/// <summary>A cluster whose counties wait a whole minute before rolling up what they were told.</summary>
public sealed class SlowRollupClusterFixture : PlatformClusterFixture
{
    protected override short InitialSilos => 1;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Statistics:Period"] = TimeSpan.FromMinutes(1).ToString(),
    };
}

/// <summary>Village reports a county has not stored yet: recovered after its activation is lost, and named by the consistency check meanwhile.</summary>
public class LostReportTests(SlowRollupClusterFixture fixture) : IClassFixture<SlowRollupClusterFixture>
{
    /// <summary>
    /// Creates province <paramref name="province"/> down to one town, lets the county finish its first
    /// rollup, then creates a village with <paramref name="population"/>: its report now waits a period
    /// in the county. Returns the county and the village.
    /// </summary>
    private async Task<(string County, string Village)> VillageWaitingInItsCountyAsync(string province, long population)
    {
        var county = $"{province}0102000000";
        foreach (var code in new[] { $"{province}0000000000", $"{province}0100000000", county, $"{province}0102100000" })
        {
            await fixture.Client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput($"Area {code}", null));
        }

        await StatsRouting.GetStatsAsync(fixture.Client, AreaCode.Parse(county));
        await Task.Delay(500);
        var village = $"{province}0102100201";
        await fixture.Client.GetGrain<IAreaGrain>(village).UpsertAsync(new AreaInput("New Village", population));
        return (county, village);
    }

    [Fact]
    public async Task A_county_lost_before_storing_a_new_villages_report_recovers_it_on_its_next_activation()
    {
        var (county, _) = await VillageWaitingInItsCountyAsync("63", 1234);

        // The village has told its county, which holds the report for a period before storing it; the
        // activation goes away first, as if its silo had died.
        await fixture.Client.GetGrain<ICountyStatsGrain>(county).AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var stats = await StatsRouting.GetStatsAsync(fixture.Client, AreaCode.Parse(county));
        for (var tries = 0; stats.RuralPopulation != 1234 && tries < 50; tries++)
        {
            await Task.Delay(100);
            stats = await StatsRouting.GetStatsAsync(fixture.Client, AreaCode.Parse(county));
        }

        Assert.Equal(1234, stats.RuralPopulation);
    }

    [Fact]
    public async Task The_consistency_check_names_figures_the_served_statistics_do_not_show_yet()
    {
        var (_, village) = await VillageWaitingInItsCountyAsync("64", 777);
        await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household($"CC-{Guid.NewGuid():N}"[..20])).PutAsync(Synthetic.Household(village), null);

        // The county holds both reports for its one-minute period: the recount already has them, the served figures not.
        var check = await fixture.Client.GetGrain<IConsistencyGrain>(0).CheckAsync("640000000000");

        Assert.False(check.Consistent);
        Assert.Contains(check.Differences, d => d.Figure == "households" && d.Served == "0" && d.Recount == "1");
        Assert.Contains(check.Differences, d => d.Figure == "ruralPopulation" && d.Recount == "777");
        Assert.Equal(1, check.Recount.Households);
    }
}
