using Orleans.Core.Internal;
using OrleansPlatform.Areas;
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

/// <summary>Village reports a county had not yet stored when its activation was lost.</summary>
public class LostReportTests(SlowRollupClusterFixture fixture) : IClassFixture<SlowRollupClusterFixture>
{
    [Fact]
    public async Task A_county_lost_before_storing_a_new_villages_report_recovers_it_on_its_next_activation()
    {
        var county = "630102000000";
        foreach (var code in new[] { "630000000000", "630100000000", county, "630102100000" })
        {
            await fixture.Client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput($"Area {code}", null));
        }

        // The county is active and has finished its first rollup, so the next report waits a period.
        await StatsRouting.GetStatsAsync(fixture.Client, AreaCode.Parse(county));
        await Task.Delay(500);
        await fixture.Client.GetGrain<IAreaGrain>("630102100201").UpsertAsync(new AreaInput("New Village", 1234));

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
}
