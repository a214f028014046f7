using Microsoft.Extensions.Options;
using OrleansPlatform.Areas;

namespace OrleansPlatform.Statistics;

/// <summary>
/// A city's or the province's figures: the sum of what its counties pushed, kept in memory and
/// persisted on every change, so reading costs the same however many households lie below.
/// It has no timer: an idle region does no work.
/// </summary>
public sealed class RegionStatsGrain(
    [PersistentState("region-stats", PlatformStorage.Name)] IPersistentState<RegionStatsState> state,
    IOptions<StatisticsOptions> options)
    : Grain, IRegionStatsGrain
{
    private StatsCounts? _sum;

    /// <inheritdoc/>
    public async Task ReportCountyAsync(string countyCode, StatsCounts counts, int version, DateTimeOffset computedAt)
    {
        if (state.State.Counties.TryGetValue(countyCode, out var known) && known.Version >= version)
        {
            return;
        }

        state.State.Counties[countyCode] = new VersionedCounts(version, counts, computedAt);
        _sum = null;
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public Task<AreaStats> GetStatsAsync()
    {
        var counties = state.State.Counties.Values;
        _sum ??= StatsCounts.Sum(counties.Select(c => c.Counts));
        var asOf = counties.Count == 0 ? DateTimeOffset.MinValue : counties.Max(c => c.ComputedAt);
        return Task.FromResult(StatsMath.ToStats(
            AreaRules.ParseCode(this.GetPrimaryKeyString()), _sum, asOf, counties.Count, options.Value.ExitIncidenceThreshold));
    }
}
