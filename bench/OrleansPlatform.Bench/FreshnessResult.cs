namespace OrleansPlatform.Bench;

/// <summary>Freshness under a steady write load: every probe and their median and worst delays (ms).</summary>
public sealed record FreshnessResult(
    double PeriodSeconds,
    int BackgroundWritesPerSecondTarget,
    double BackgroundWritesPerSecondAchieved,
    IReadOnlyList<FreshnessProbe> Probes)
{
    /// <summary>Median delay until the county showed a probe.</summary>
    public double? CountyP50Ms => Median(Probes.Select(p => p.CountyMs));

    /// <summary>Worst delay until the county showed a probe (null when one never did).</summary>
    public double? CountyMaxMs => Probes.Any(p => p.CountyMs is null) ? null : Probes.Max(p => p.CountyMs);

    /// <summary>Median delay until the province showed a probe.</summary>
    public double? ProvinceP50Ms => Median(Probes.Select(p => p.ProvinceMs));

    /// <summary>Worst delay until the province showed a probe (null when one never did).</summary>
    public double? ProvinceMaxMs => Probes.Any(p => p.ProvinceMs is null) ? null : Probes.Max(p => p.ProvinceMs);

    private static double? Median(IEnumerable<double?> values)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        return known.Count == 0 ? null : LatencySummary.Percentile(known, 50);
    }
}
