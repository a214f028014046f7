namespace OrleansPlatform.Statistics;

/// <summary>Persisted state of a <see cref="CountyStatsGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.CountyStatsState")]
public sealed class CountyStatsState
{
    /// <summary>The latest report of each village, by village code.</summary>
    [Id(0)] public Dictionary<string, VersionedCounts> Villages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Version of the county's own reports to its city and province.</summary>
    [Id(1)] public int Version { get; set; }
}

/// <summary>Figures at a version.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.VersionedCounts")]
public sealed record VersionedCounts(
    [property: Id(0)] int Version,
    [property: Id(1)] StatsCounts Counts,
    [property: Id(2)] DateTimeOffset ComputedAt);
