namespace OrleansPlatform.Bench;

/// <summary>Province statistics read from the platform and computed by the baseline's GROUP BY, and whether their figures agree.</summary>
public sealed record StatsComparison(LatencySummary Ours, LatencySummary Baseline, IReadOnlyList<string> ComparedFields, IReadOnlyList<string> Differences)
{
    /// <summary>How many times faster the platform's median read is.</summary>
    public double P50Speedup => Baseline.P50Ms / Ours.P50Ms;

    /// <summary>How many times more reads per second the platform serves.</summary>
    public double ThroughputRatio => Ours.ThroughputPerSecond / Baseline.ThroughputPerSecond;
}
