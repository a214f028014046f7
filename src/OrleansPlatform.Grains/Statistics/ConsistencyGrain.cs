using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>
/// The consistency check: reads every stored household in one pass over the registry (the grain-state
/// rows, each a household's last committed version), keeps those inside the area, adds the rural
/// populations of every village below the area, and compares the result with what the platform
/// serves. No household grain is activated; an administrator's tool, not a hot path.
/// </summary>
[StatelessWorker(1)]
public sealed class ConsistencyGrain(
    IHouseholdBulkStore store,
    IOptions<StatisticsOptions> options,
    IOptions<PovertyLineOptions> lines,
    TimeProvider clock)
    : Grain, IConsistencyGrain
{
    /// <inheritdoc/>
    public async Task<ConsistencyReport> CheckAsync(string code)
    {
        var area = AreaRules.ParseCode(code);
        var populations = new Dictionary<string, long?>(StringComparer.Ordinal);
        await CollectVillagesAsync(area, populations);

        var today = ChinaDate.Today(clock);
        var rows = new List<HouseholdSummary>();
        var scanned = 0;
        await foreach (var (id, state) in store.ScanAsync(CancellationToken.None))
        {
            scanned++;
            if (state.Record?.VillageCode is { } villageCode && AreaCode.TryParse(villageCode, out var village, out _) && area.Contains(village))
            {
                rows.Add(HouseholdProjection.Summary(HouseholdProjection.View(id, state, today, lines.Value)));
            }
        }

        var byVillage = rows.ToLookup(r => r.VillageCode!, StringComparer.Ordinal);
        var counts = StatsCounts.Sum(populations.Select(p => StatsMath.ForVillage(byVillage[p.Key], p.Value)));
        var served = await StatsRouting.GetStatsAsync(GrainFactory, area);
        var recount = StatsMath.ToStats(area, counts, clock.GetUtcNow(), served.ReportingChildren, options.Value.ExitIncidenceThreshold);
        var differences = Compare(served, recount);
        return new ConsistencyReport
        {
            Code = area.Value,
            Consistent = differences.Count == 0,
            Differences = differences,
            Served = served,
            Recount = recount,
            HouseholdsScanned = scanned,
        };
    }

    private async Task CollectVillagesAsync(AreaCode code, Dictionary<string, long?> populations)
    {
        var area = await GrainFactory.GetGrain<IAreaGrain>(code.Value).GetAsync()
            ?? throw new DomainException(DomainErrorKind.NotFound, "area.not-found", $"Area {code} does not exist.");
        if (area.Level == AreaLevel.Village)
        {
            populations[area.Code] = area.RuralPopulation;
            return;
        }

        foreach (var child in area.Children)
        {
            await CollectVillagesAsync(AreaCode.Parse(child), populations);
        }
    }

    private static List<FigureDifference> Compare(AreaStats served, AreaStats recount)
    {
        var differences = new List<FigureDifference>();
        void Check<T>(string name, T a, T b)
        {
            // Values compare by value (2750.0 equals 2750); collections by their sorted JSON.
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add(new FigureDifference(name, JsonSerializer.Serialize(a, PlatformJson.Options), JsonSerializer.Serialize(b, PlatformJson.Options)));
            }
        }

        void CheckMap(string name, IEnumerable<KeyValuePair<string, int>> a, IEnumerable<KeyValuePair<string, int>> b) =>
            Check(name, JsonSerializer.Serialize(new SortedDictionary<string, int>(a.ToDictionary(), StringComparer.Ordinal)), JsonSerializer.Serialize(new SortedDictionary<string, int>(b.ToDictionary(), StringComparer.Ordinal)));

        Check("households", served.Households, recount.Households);
        Check("people", served.People, recount.People);
        Check("poorHouseholds", served.PoorHouseholds, recount.PoorHouseholds);
        Check("poorPeople", served.PoorPeople, recount.PoorPeople);
        Check("exitedHouseholds", served.ExitedHouseholds, recount.ExitedHouseholds);
        Check("exitedPeople", served.ExitedPeople, recount.ExitedPeople);
        Check("returnedHouseholds", served.ReturnedHouseholds, recount.ReturnedHouseholds);
        Check("removedHouseholds", served.RemovedHouseholds, recount.RemovedHouseholds);
        Check("atRiskHouseholds", served.AtRiskHouseholds, recount.AtRiskHouseholds);
        Check("ruralPopulation", served.RuralPopulation, recount.RuralPopulation);
        Check("povertyIncidence", served.PovertyIncidence, recount.PovertyIncidence);
        CheckMap("byPrimaryCause", served.ByPrimaryCause.Select(c => KeyValuePair.Create(c.Key.ToString(), c.Value)), recount.ByPrimaryCause.Select(c => KeyValuePair.Create(c.Key.ToString(), c.Value)));
        CheckMap("guaranteeGaps", served.GuaranteeGaps, recount.GuaranteeGaps);
        Check("averagePerCapitaIncome", served.AveragePerCapitaIncome, recount.AveragePerCapitaIncome);
        Check("exitEligible", served.ExitEligible, recount.ExitEligible);
        return differences;
    }
}
