namespace OrleansPlatform.Bench;

/// <summary>Latency percentiles (milliseconds) of sequential calls and throughput (calls/s) of concurrent ones.</summary>
public sealed record LatencySummary(int Calls, double P50Ms, double P99Ms, double MeanMs, int ThroughputCalls, double ThroughputPerSecond)
{
    /// <summary>Percentile <paramref name="p"/> (0–100) of <paramref name="sorted"/> by the nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
