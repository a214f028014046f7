using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>Which grain serves the figures of an area of each level.</summary>
public static class StatsRouting
{
    /// <summary>The served figures of <paramref name="code"/>.</summary>
    public static Task<AreaStats> GetStatsAsync(IGrainFactory grains, AreaCode code) => code.Level switch
    {
        AreaLevel.Village => grains.GetGrain<IVillageRosterGrain>(code.Value).GetStatsAsync(),
        AreaLevel.Town or AreaLevel.County => grains.GetGrain<ICountyStatsGrain>(VillageRosterGrain.CountyOf(code)).GetStatsAsync(code.Value),
        _ => grains.GetGrain<IRegionStatsGrain>(code.Value).GetStatsAsync(),
    };
}
