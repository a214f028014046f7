using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansPlatform.Bench;

/// <summary>Writes a report as Markdown and JSON into the results folder and renders the console summary.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <c>&lt;yyyy-MM-dd&gt;-&lt;size&gt;.md</c> and <c>.json</c>; returns their paths.</summary>
    public static (string Markdown, string Json) Write(BenchReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var name = F($"{report.StartedAt:yyyy-MM-dd}-{report.Size}");
        var md = Path.Combine(directory, name + ".md");
        var json = Path.Combine(directory, name + ".json");
        File.WriteAllText(md, Markdown(report));
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json) + "\n");
        return (md, json);
    }

    /// <summary>The targets as a plain table for the console.</summary>
    public static string Summary(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(F($"{"target",-28} {"goal",-40} {"met",-5} measured"));
        foreach (var t in report.Targets)
        {
            text.AppendLine(F($"{t.Name,-28} {t.Goal,-40} {Met(t.Met),-5} {t.Measured}"));
        }

        return text.ToString();
    }

    private static string Markdown(BenchReport r)
    {
        var m = new StringBuilder();
        void L(FormattableString line) => m.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var ours = r.OursImport;
        var sql = r.BaselineImport;
        var reg = r.OursRegistration;
        var sqlReg = r.BaselineRegistration;
        var households = r.Data.Households;

        L($"# Benchmark results: {r.Size}, {r.StartedAt:yyyy-MM-dd}");
        L($"");
        L($"- Started: {r.StartedAt:yyyy-MM-dd HH:mm:ss} UTC; commit `{r.Commit}`");
        L($"- Machine: {r.Machine.Cores} cores ({r.Machine.Cpu}), {Mib(r.Machine.MemoryBytes) / 1024:F1} GiB RAM; {r.Machine.Os}; {r.Machine.Dotnet}; {r.Machine.Postgres}");
        L($"- Data: generator size `{r.Size}` (seed 1): {r.Data.Areas} areas, {households} households, {r.Data.People} people");
        L($"- Concurrency: {r.Concurrency} calls in flight for writes and concurrent reads, on both sides");
        L($"- The platform: one silo process (Release), an Orleans client in the benchmark process, registration one household per call with `IHouseholdGrain.ImportAsync`, the whole file through the bulk import (`IHouseholdImportGrain`, {r.BatchSize} households per call, {r.BatchConcurrency} calls in flight, as the gateway's import job sends them). The baseline: one `INSERT … ON CONFLICT (id) DO UPDATE` per household through `NpgsqlDataSource`, same connection settings (pooling, `Max Auto Prepare`), indexed for its `GROUP BY`. Separate databases in the same PostgreSQL server.");
        L($"");
        L($"## Targets");
        L($"");
        L($"| target | goal | measured | met |");
        L($"|---|---|---|---|");
        foreach (var t in r.Targets)
        {
            L($"| {t.Name} | {t.Goal} | {t.Measured} | {Met(t.Met)} |");
        }

        L($"");
        L($"## 1. Durable registration throughput");
        L($"");
        L($"Registration is one household per call: it counts when its call returned, its grain's state write (or the upsert's autocommit) committed in PostgreSQL. The first {reg.Timing.Households} households of the file, on an empty database, at the same concurrency on both sides. The bulk import of section 4 is shown for comparison only: it sends {r.BatchSize} households per call, while the baseline still upserts one at a time.");
        L($"");
        L($"| | platform | baseline (upsert) | ratio |");
        L($"|---|---|---|---|");
        L($"| registration, {reg.Timing.Households} households one per call, households/s | {reg.Timing.Rate:F0} | {sqlReg.Timing.Rate:F0} | {r.RegistrationRatio:F2} |");
        L($"| whole file ({households} households) by bulk import vs upsert loop, households/s | {ours.Timing.Rate:F0} | {sql.Timing.Rate:F0} | {ours.Timing.Rate / sql.Timing.Rate:F2} |");
        L($"");
        L($"### Profile: what one household costs");
        L($"");
        L($"Per household, each phase on its own (including the rollups until the figures converged):");
        L($"");
        L($"| per household | registration: platform | registration: baseline | import: platform (bulk) | import: baseline |");
        L($"|---|---|---|---|---|");
        L($"| committed transactions | {reg.CommitsPerHousehold:F2} | {sqlReg.CommitsPerHousehold:F2} | {ours.CommitsPerHousehold:F2} | {sql.CommitsPerHousehold:F2} |");
        L($"| rows inserted + updated | {reg.RowWritesPerHousehold:F2} | {sqlReg.RowWritesPerHousehold:F2} | {ours.RowWritesPerHousehold:F2} | {sql.RowWritesPerHousehold:F2} |");
        L($"| WAL bytes | {reg.WalBytesPerHousehold:F0} | {sqlReg.WalBytesPerHousehold:F0} | {ours.WalBytesPerHousehold:F0} | {sql.WalBytesPerHousehold:F0} |");
        L($"| PostgreSQL CPU ms | {Per(reg.Resources.PostgresCpuSeconds, reg.Timing.Households)} | {Per(sqlReg.Resources.PostgresCpuSeconds, sqlReg.Timing.Households)} | {Per(ours.Resources.PostgresCpuSeconds, households)} | {Per(sql.Resources.PostgresCpuSeconds, households)} |");
        L($"| silo CPU ms | {Per(reg.Resources.SiloCpuSeconds, reg.Timing.Households)} | – | {Per(ours.Resources.SiloCpuSeconds, households)} | – |");
        L($"| benchmark client CPU ms | {Per(reg.Resources.ClientCpuSeconds, reg.Timing.Households)} | {Per(sqlReg.Resources.ClientCpuSeconds, sqlReg.Timing.Households)} | {Per(ours.Resources.ClientCpuSeconds, households)} | {Per(sql.Resources.ClientCpuSeconds, households)} |");
        L($"");
        L($"The import re-sends the {reg.Timing.Households} registered households on both sides: the platform confirms them unchanged without a new version, the baseline rewrites them. The bulk import handed {r.HandedBack} households back to their grains.");
        L($"");
        L($"Grain-state writes by state name after both phases (the storage row's version counts its writes; the database was fresh):");
        L($"");
        L($"| state | rows | writes | writes per household | average payload bytes | largest payload bytes |");
        L($"|---|---|---|---|---|---|");
        foreach (var s in r.StateWrites)
        {
            L($"| {s.StateName} | {s.Rows} | {s.Writes} | {(double)s.Writes / households:F2} | {s.AveragePayloadBytes:F0} | {s.MaxPayloadBytes} |");
        }

        var totalWrites = r.StateWrites.Sum(s => s.Writes);
        L($"");
        L($"In all {(double)totalWrites / households:F2} grain-state row writes per household.");
        L($"");
        L($"## 2. Province statistics reads");
        L($"");
        L($"Platform: `StatsRouting.GetStatsAsync(client, 610000000000)` (the province grain's in-memory sum). Baseline: one SQL statement grouping the province's households by status and primary cause (with the villages' populations), folded into the same `AreaStats` by the same arithmetic. Compared fields: {string.Join(", ", r.Stats.ComparedFields)} ({(r.Stats.Differences.Count == 0 ? "all equal" : "differences: " + string.Join("; ", r.Stats.Differences))}). Not computed by the baseline: atRiskHouseholds (needs exit history), exitEligible (null for a province), asOf, reportingChildren.");
        L($"");
        L($"| | platform | GROUP BY | ratio |");
        L($"|---|---|---|---|");
        L($"| p50 latency, ms (sequential, {r.Stats.Ours.Calls} / {r.Stats.Baseline.Calls} calls) | {r.Stats.Ours.P50Ms:F3} | {r.Stats.Baseline.P50Ms:F2} | {r.Stats.P50Speedup:F0} × faster |");
        L($"| p99 latency, ms | {r.Stats.Ours.P99Ms:F3} | {r.Stats.Baseline.P99Ms:F2} | {r.Stats.Baseline.P99Ms / r.Stats.Ours.P99Ms:F0} × |");
        L($"| throughput, reads/s ({r.Concurrency} in flight) | {r.Stats.Ours.ThroughputPerSecond:F0} | {r.Stats.Baseline.ThroughputPerSecond:F1} | {r.Stats.ThroughputRatio:F0} × |");
        L($"");
        L($"## 3. Freshness");
        L($"");
        L($"While other households were rewritten at {r.Freshness.BackgroundWritesPerSecondTarget}/s (achieved {r.Freshness.BackgroundWritesPerSecondAchieved:F0}/s), each probe removed one member from a household and polled its county's and the province's statistics every 20 ms until the people count showed it. Delays are from the write's return; `Statistics:Period` = {r.Freshness.PeriodSeconds:F0} s.");
        L($"");
        L($"| probe | write ms | county visible after ms | province visible after ms |");
        L($"|---|---|---|---|");
        for (var i = 0; i < r.Freshness.Probes.Count; i++)
        {
            var p = r.Freshness.Probes[i];
            L($"| {i + 1} | {p.WriteMs:F0} | {Ms(p.CountyMs)} | {Ms(p.ProvinceMs)} |");
        }

        L($"| median | | {Ms(r.Freshness.CountyP50Ms)} | {Ms(r.Freshness.ProvinceP50Ms)} |");
        L($"| worst | | {Ms(r.Freshness.CountyMaxMs)} | {Ms(r.Freshness.ProvinceMaxMs)} |");
        L($"");
        L($"## 4. Full import");
        L($"");
        L($"The whole generated file after the registration phase, on both sides: the platform through its bulk import, the baseline one upsert per household at {r.Concurrency} in flight.");
        L($"");
        L($"| | platform (bulk import) | baseline (upsert loop) |");
        L($"|---|---|---|");
        L($"| wall time, s | {ours.Timing.Wall.TotalSeconds:F1} | {sql.Timing.Wall.TotalSeconds:F1} |");
        L($"| province figures complete after the import returned, s | {r.ConvergenceSeconds:F1} | (at read time) |");
        L($"| peak RSS of the silo, MiB | {Mib(ours.Resources.SiloPeakRssBytes):F0} | – |");
        L($"| peak memory of PostgreSQL (private memory summed, shared once), MiB | {Mib(ours.Resources.PostgresPeakBytes)} | {Mib(sql.Resources.PostgresPeakBytes)} |");
        L($"| CPU seconds: silo | {ours.Resources.SiloCpuSeconds:F1} | – |");
        L($"| CPU seconds: PostgreSQL | {ours.Resources.PostgresCpuSeconds:F1} | {sql.Resources.PostgresCpuSeconds:F1} |");
        L($"| CPU seconds: benchmark client | {ours.Resources.ClientCpuSeconds:F1} | {sql.Resources.ClientCpuSeconds:F1} |");
        L($"");
        L($"## 5. Idle cost");
        L($"");
        if (r.Idle is { } idle)
        {
            L($"No request for {idle.WindowSeconds:F0} s (starting {idle.SettleSeconds:F0} s after the last write), the silo holding the imported data:");
            L($"");
            L($"| | silo | PostgreSQL |");
            L($"|---|---|---|");
            L($"| CPU, % of one core | {idle.SiloCpuPercentOfCore:F2} | {idle.PostgresCpuPercentOfCore:F2} |");
            L($"| memory, MiB (silo RSS; PostgreSQL private memory summed, shared once) | {Mib(idle.SiloRssBytes):F0} | {Mib(idle.PostgresBytes)} |");
        }
        else
        {
            L($"Skipped (`--skip-idle`).");
        }

        return m.ToString();
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "NO", null => "–" };

    private static string Ms(double? ms) => ms is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "not seen";

    private static string Per(double seconds, long households) => Per((double?)seconds, households);

    private static string Per(double? seconds, long households) =>
        seconds is { } s ? (1000 * s / households).ToString("F2", CultureInfo.InvariantCulture) : "–";

    private static double Mib(long bytes) => bytes / 1048576.0;

    private static string Mib(long? bytes) => bytes is { } b ? Mib(b).ToString("F0", CultureInfo.InvariantCulture) : "–";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
