namespace OrleansPlatform.Statistics;

/// <summary>
/// Keyed by a county code: keeps the latest figures of each of its villages, and on a timer rolls
/// them up into town and county figures that it serves and pushes to its city and province.
/// </summary>
[Alias("OrleansPlatform.ICountyStatsGrain")]
public interface ICountyStatsGrain : IGrainWithStringKey
{
    /// <summary>A village's figures at <paramref name="version"/>; older or repeated reports change nothing.</summary>
    [Alias("ReportVillage"), Orleans.Concurrency.AlwaysInterleave]
    Task ReportVillageAsync(string villageCode, StatsCounts counts, int version);

    /// <summary>Figures of the county itself or of one of its towns.</summary>
    [Alias("GetStats")]
    Task<AreaStats> GetStatsAsync(string code);
}

/// <summary>Keyed by a city or province code: sums the figures its counties push.</summary>
[Alias("OrleansPlatform.IRegionStatsGrain")]
public interface IRegionStatsGrain : IGrainWithStringKey
{
    /// <summary>A county's figures at <paramref name="version"/>; older or repeated reports change nothing.</summary>
    [Alias("ReportCounty")]
    Task ReportCountyAsync(string countyCode, StatsCounts counts, int version, DateTimeOffset computedAt);

    /// <summary>Figures of the city or province.</summary>
    [Alias("GetStats")]
    Task<AreaStats> GetStatsAsync();
}
