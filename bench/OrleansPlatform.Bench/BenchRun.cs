using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OrleansPlatform.Areas;
using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Hosting;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Bench;

/// <summary>
/// One benchmark run: starts a silo process, imports the generated data through grains and into the
/// baseline at the same concurrency, then measures statistics reads, freshness and idle cost.
/// </summary>
public sealed class BenchRun(BenchOptions options, Action<string> log)
{
    private const string ClusterId = "bench";
    private static readonly AreaCode Province = AreaCode.Parse("610000000000");

    /// <summary>Runs every benchmark and returns the figures.</summary>
    public async Task<BenchReport> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var settings = new ConfigurationBuilder().AddPlatformSources("Production", []).Build();
        var lines = new PovertyLineOptions();
        settings.GetSection("PovertyLines").Bind(lines);
        var statistics = new StatisticsOptions();
        settings.GetSection("Statistics").Bind(statistics);

        // Both sides get the platform's connection settings (pooling, Max Auto Prepare) from the same code.
        var oursCs = Normalized(options.OursConnectionString);
        var baselineCs = Normalized(options.BaselineConnectionString);
        var machine = await MachineInfo.ReadAsync(oursCs);
        var postgres = await PostgresProcesses.FindAsync(oursCs);
        log(postgres is null ? "PostgreSQL's processes are not on this machine: its CPU and memory are not measured." : "PostgreSQL's processes found.");

        // The data is generated before any clock starts, so neither side's figures include the generator's CPU.
        var generator = new ProvinceGenerator(options.Size, options.Seed);
        var generating = Stopwatch.StartNew();
        var households = generator.Households().ToList();
        log($"Generator: {options.Size}, {generator.Areas.Count} areas, {households.Count} households in {generating.Elapsed.TotalSeconds:F1} s; concurrency {options.Concurrency}.");

        Directory.CreateDirectory(options.LogDirectory);
        var siloLog = Path.Combine(options.LogDirectory, "bench-silo.log");
        await using var silo = SiloProcess.Start(options.SiloDll, oursCs, ClusterId, 11191, 30091, siloLog);
        log($"Silo process {silo.Pid} starting; log: {siloLog}");
        await using var cluster = await PlatformCluster.ConnectAsync(oursCs, ClusterId, TimeSpan.FromSeconds(120));
        var client = cluster.Client;

        await using var baseline = new BaselineStore(NpgsqlDataSource.Create(baselineCs), lines);
        await baseline.CreateSchemaAsync();
        await baseline.InsertAreasAsync(generator.Areas);
        await CreateAreasAsync(client, generator.Areas);
        log("Areas created on both sides.");

        // 1: registration. The first households one by one, each its own call and durable write: through
        // their grains, and as one upsert each into the baseline, at the same concurrency.
        var sampleSize = options.RegistrationSample;
        var oursRegistration = await MeasureAsync(oursCs, silo, postgres,
            () => LoadRunner.RunAsync(households.Take(sampleSize), options.Concurrency,
                h => client.GetGrain<IHouseholdGrain>(GrainKeys.Household(h.HouseholdId)).ImportAsync(h.Record)),
            timing => WaitForAsync(client, Province, s => s.Households == timing.Households, TimeSpan.FromMinutes(5)));
        log($"Platform registration: {sampleSize} households one by one at {oursRegistration.Timing.Rate:F0}/s.");
        var today = BaselineStore.Today;
        var baselineRegistration = await MeasureAsync(baselineCs, silo, postgres,
            () => LoadRunner.RunAsync(households.Take(sampleSize), options.Concurrency,
                h => baseline.UpsertAsync(h.HouseholdId, h.Record, today)),
            _ => Task.CompletedTask);
        log($"Baseline registration: {sampleSize} households at {baselineRegistration.Timing.Rate:F0}/s.");

        // 4: the whole file, the registered ones included, on both sides: the platform through its bulk import
        // (batches as the gateway's import job sends them), the baseline with its upsert per household.
        long people = 0;
        long handedBack = 0;
        var convergenceSeconds = 0.0;
        var oursImport = await MeasureAsync(oursCs, silo, postgres,
            async () =>
            {
                var timing = await BulkImport.RunAsync(client, households, options.BatchSize, options.BatchConcurrency, options.Concurrency);
                (people, handedBack) = (timing.People, timing.HandedBack);
                return timing.Timing;
            },
            async timing =>
            {
                var convergence = Stopwatch.StartNew();
                await WaitForAsync(client, Province, s => s.Households == timing.Households && s.People == people, TimeSpan.FromMinutes(5));
                convergenceSeconds = convergence.Elapsed.TotalSeconds;
            });
        log($"Platform import: {oursImport.Timing.Households} households in {oursImport.Timing.Wall.TotalSeconds:F1} s ({oursImport.Timing.Rate:F0}/s; {handedBack} handed back to their grains); figures complete {convergenceSeconds:F1} s later.");
        var stateWrites = await StateWrites.ReadAsync(oursCs);
        var baselineImport = await MeasureAsync(baselineCs, silo, postgres,
            () => LoadRunner.RunAsync(households, options.Concurrency, h => baseline.UpsertAsync(h.HouseholdId, h.Record, today)),
            _ => baseline.AnalyzeAsync());
        log($"Baseline import: {baselineImport.Timing.Households} households in {baselineImport.Timing.Wall.TotalSeconds:F1} s ({baselineImport.Timing.Rate:F0}/s).");

        // 2: province statistics.
        var differences = Differences(await StatsRouting.GetStatsAsync(client, Province), await baseline.GetStatsAsync(Province));
        log(differences.Count == 0 ? "Province figures agree between the platform and the baseline." : $"Figures differ: {string.Join("; ", differences)}");
        var oursReads = await ReadBench.MeasureAsync(() => StatsRouting.GetStatsAsync(client, Province), 5000, TimeSpan.FromSeconds(10), options.Concurrency);
        var baselineReads = await ReadBench.MeasureAsync(() => baseline.GetStatsAsync(Province), 2000, TimeSpan.FromSeconds(15), options.Concurrency);
        var stats = new StatsComparison(oursReads, baselineReads, BaselineStore.ComparedFields, differences);
        log($"Province stats p50: platform {oursReads.P50Ms:F3} ms, GROUP BY {baselineReads.P50Ms:F2} ms ({stats.P50Speedup:F0}x).");

        // 3: freshness under a steady write load.
        var candidates = Candidates(households, 1000);
        var freshness = await new FreshnessBench(client, options.Concurrency)
            .RunAsync(candidates, options.FreshnessProbes, options.BackgroundWritesPerSecond, statistics.Period);
        log($"Freshness: county p50 {freshness.CountyP50Ms:F0} ms, max {freshness.CountyMaxMs:F0} ms; province p50 {freshness.ProvinceP50Ms:F0} ms, max {freshness.ProvinceMaxMs:F0} ms.");

        // 5: idle cost.
        IdleResult? idle = null;
        if (!options.SkipIdle)
        {
            idle = await MeasureIdleAsync(silo, postgres);
            log($"Idle: silo {idle.SiloCpuPercentOfCore:F2}% of a core, {idle.SiloRssBytes / 1048576.0:F0} MiB.");
        }

        var report = new BenchReport
        {
            StartedAt = started,
            Size = options.Size.ToString().ToLowerInvariant(),
            Concurrency = options.Concurrency,
            Commit = options.Commit,
            Machine = machine,
            Data = new DataSetSize(generator.Areas.Count, oursImport.Timing.Households, people),
            OursRegistration = oursRegistration,
            BaselineRegistration = baselineRegistration,
            OursImport = oursImport,
            BaselineImport = baselineImport,
            HandedBack = handedBack,
            BatchSize = options.BatchSize,
            BatchConcurrency = options.BatchConcurrency,
            ConvergenceSeconds = convergenceSeconds,
            StateWrites = stateWrites,
            Stats = stats,
            Freshness = freshness,
            Idle = idle,
            Targets = [],
        };
        return report with { Targets = Targets.Check(report, options.Size) };
    }

    private static readonly TimeSpan StatsFlushDelay = TimeSpan.FromSeconds(11);

    /// <summary>
    /// Runs one side's writes, sampling the processes' CPU and memory while they run; then waits for
    /// <paramref name="settle"/> (figures converging, statistics analysed) and for PostgreSQL to publish
    /// its counters, so the database figures include the work the writes caused.
    /// </summary>
    private static async Task<ImportResult> MeasureAsync(
        string connectionString, SiloProcess silo, PostgresProcesses? postgres, Func<Task<ImportTiming>> run, Func<ImportTiming, Task> settle)
    {
        var before = await DbCounters.ReadAsync(connectionString);
        ResourceUse use;
        ImportTiming timing;
        await using (var sampler = new ResourceSampler(silo, postgres))
        {
            timing = await run();
            use = await sampler.StopAsync();
        }

        await settle(timing);
        await Task.Delay(StatsFlushDelay); // idle backends publish their counters within 10 s
        return new ImportResult(timing, use, (await DbCounters.ReadAsync(connectionString)).Since(before));
    }

    private static string Normalized(string connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{PlatformConfiguration.ConnectionStringName}"] = connectionString })
            .Build()
            .GetPlatformConnectionString();

    private async Task CreateAreasAsync(IClusterClient client, IReadOnlyList<GeneratedArea> areas)
    {
        // Parent-first by level: an area's parent must exist before it.
        foreach (var level in areas.GroupBy(a => AreaCode.Parse(a.Code).Level).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (area, _) =>
                await client.GetGrain<IAreaGrain>(area.Code).UpsertAsync(new AreaInput(area.Name, area.RuralPopulation)));
        }
    }

    private static async Task WaitForAsync(IClusterClient client, AreaCode code, Func<AreaStats, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done(await StatsRouting.GetStatsAsync(client, code)))
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"The figures of {code} did not converge within {limit}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static List<(string Id, HouseholdRecord Record)> Candidates(List<(string HouseholdId, HouseholdRecord Record)> households, int count)
    {
        var stride = Math.Max(1, households.Count / count);
        return households
            .Where((_, i) => i % stride == 0)
            .Where(h => h.Record.Members!.Count >= 2)
            .Select(h => (h.HouseholdId, h.Record))
            .ToList();
    }

    private async Task<IdleResult> MeasureIdleAsync(SiloProcess silo, PostgresProcesses? postgres)
    {
        var settle = TimeSpan.FromSeconds(10);
        log($"Idle: settling {settle.TotalSeconds:F0} s, then {options.IdleWindow.TotalSeconds:F0} s without requests.");
        await Task.Delay(settle);
        var (siloBefore, pgBefore) = (silo.CpuSeconds(), postgres?.CpuSeconds());
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.IdleWindow);
        var seconds = clock.Elapsed.TotalSeconds;
        var (siloAfter, pgAfter) = (silo.CpuSeconds(), postgres?.CpuSeconds());
        return new IdleResult(
            seconds,
            settle.TotalSeconds,
            100 * (siloAfter - siloBefore) / seconds,
            silo.RssBytes(),
            pgBefore is null ? null : 100 * (pgAfter!.Value - pgBefore.Value) / seconds,
            postgres?.MemoryBytes());
    }

    private static List<string> Differences(AreaStats ours, AreaStats sql)
    {
        var differences = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add($"{name}: platform {a}, GROUP BY {b}");
            }
        }

        Check("households", ours.Households, sql.Households);
        Check("people", ours.People, sql.People);
        Check("poorHouseholds", ours.PoorHouseholds, sql.PoorHouseholds);
        Check("poorPeople", ours.PoorPeople, sql.PoorPeople);
        Check("exitedHouseholds", ours.ExitedHouseholds, sql.ExitedHouseholds);
        Check("exitedPeople", ours.ExitedPeople, sql.ExitedPeople);
        Check("returnedHouseholds", ours.ReturnedHouseholds, sql.ReturnedHouseholds);
        Check("removedHouseholds", ours.RemovedHouseholds, sql.RemovedHouseholds);
        Check("ruralPopulation", ours.RuralPopulation, sql.RuralPopulation);
        Check("povertyIncidence", ours.PovertyIncidence, sql.PovertyIncidence);
        Check("averagePerCapitaIncome", ours.AveragePerCapitaIncome, sql.AveragePerCapitaIncome);
        foreach (var cause in Enum.GetValues<PovertyCause>())
        {
            Check($"byPrimaryCause.{cause}", ours.ByPrimaryCause.GetValueOrDefault(cause), sql.ByPrimaryCause.GetValueOrDefault(cause));
        }

        foreach (var gap in StatsMath.GuaranteeNames)
        {
            Check($"guaranteeGaps.{gap}", ours.GuaranteeGaps.GetValueOrDefault(gap), sql.GuaranteeGaps.GetValueOrDefault(gap));
        }

        return differences;
    }
}
