namespace OrleansPlatform.Statistics;

/// <summary>Persisted state of a <see cref="RegionStatsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.RegionStatsState")]
public sealed class RegionStatsState
{
    /// <summary>The latest figures of each county, by county code.</summary>
    [Id(0)] public Dictionary<string, VersionedCounts> Counties { get; set; } = new(StringComparer.Ordinal);
}
