using System.Globalization;
using OrleansPlatform.Cli.Generation;

namespace OrleansPlatform.Bench;

/// <summary>The targets for this 2-core machine, checked against a report.</summary>
public static class Targets
{
    /// <summary>Each target with its measured value and whether it was met.</summary>
    public static List<TargetCheck> Check(BenchReport report, GenerationSize size)
    {
        ArgumentNullException.ThrowIfNull(report);
        var freshLimitMs = (report.Freshness.PeriodSeconds + 1) * 1000;
        var countyMax = report.Freshness.CountyMaxMs;
        var import = report.OursImport.Timing.Wall.TotalSeconds;
        return
        [
            new("Registration throughput", "≥ 0.5 × baseline",
                F($"{report.RegistrationRatio:F2} × ({report.OursRegistration.Timing.Rate:F0} vs {report.BaselineRegistration.Timing.Rate:F0} households/s, one per call)"),
                report.RegistrationRatio >= 0.5),
            new("Province statistics read", "≥ 100 × faster than GROUP BY (p50)",
                F($"{report.Stats.P50Speedup:F0} × ({report.Stats.Ours.P50Ms:F3} vs {report.Stats.Baseline.P50Ms:F2} ms)"),
                report.Stats.P50Speedup >= 100),
            new("County freshness", F($"≤ period + 1 s = {freshLimitMs / 1000:F0} s (worst probe)"),
                countyMax is null ? "a probe was never seen within 60 s" : F($"worst {countyMax / 1000:F2} s, median {report.Freshness.CountyP50Ms / 1000:F2} s"),
                countyMax is not null && countyMax <= freshLimitMs),
            new("Full province import", "< 120 s (province size)",
                F($"{import:F1} s for {report.Data.Households} households") + (size == GenerationSize.Province ? "" : " (not the province size: target not judged)"),
                size == GenerationSize.Province ? import < 120 : null),
            new("Idle CPU", "< 2 % of a core",
                report.Idle is null ? "skipped" : F($"{report.Idle.SiloCpuPercentOfCore:F2} % of a core"),
                report.Idle is null ? null : report.Idle.SiloCpuPercentOfCore < 2),
        ];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
