using System.Globalization;
using OrleansPlatform.Cli.Generation;

namespace OrleansPlatform.Bench;

/// <summary>What one benchmark run measures and where it finds its processes and databases.</summary>
public sealed record BenchOptions
{
    /// <summary>Generator size: tiny, county or province.</summary>
    public GenerationSize Size { get; init; } = GenerationSize.County;

    /// <summary>Calls in flight at once, the same for the platform and the baseline.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Households per bulk import call (the gateway's <c>Imports:BatchSize</c> default).</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Bulk import calls in flight (the gateway's <c>Imports:BatchConcurrency</c> default).</summary>
    public int BatchConcurrency { get; init; } = 4;

    /// <summary>Skip the 60-second idle measurement.</summary>
    public bool SkipIdle { get; init; }

    /// <summary>Generator seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Connection string of the platform's database (migrated before the run).</summary>
    public required string OursConnectionString { get; init; }

    /// <summary>Connection string of the baseline's database (created empty before the run).</summary>
    public required string BaselineConnectionString { get; init; }

    /// <summary>Path of OrleansPlatform.Silo.dll (Release build).</summary>
    public required string SiloDll { get; init; }

    /// <summary>Where the results files go.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Where the silo's log goes.</summary>
    public required string LogDirectory { get; init; }

    /// <summary>Git commit of the measured tree (with "-dirty" when it has uncommitted changes).</summary>
    public string Commit { get; init; } = "unknown";

    /// <summary>Households registered one by one for the throughput figure: the first ones of the file.</summary>
    public int RegistrationSample => Size switch
    {
        GenerationSize.Tiny => 200,
        GenerationSize.County => 20_000,
        _ => 50_000,
    };

    /// <summary>Freshness probes (one household write each).</summary>
    public int FreshnessProbes => Size == GenerationSize.Tiny ? 5 : 10;

    /// <summary>Steady background writes per second during the freshness probes.</summary>
    public int BackgroundWritesPerSecond { get; init; } = 200;

    /// <summary>Length of the idle window.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Parses <c>--size</c>, <c>--concurrency</c>, <c>--skip-idle</c>, <c>--seed</c> and the paths run.sh passes.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipIdle = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--skip-idle")
            {
                skipIdle = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        var size = values.GetValueOrDefault("size", "county") switch
        {
            "tiny" => GenerationSize.Tiny,
            "county" => GenerationSize.County,
            "province" => GenerationSize.Province,
            var other => throw new ArgumentException($"--size must be tiny, county or province, not '{other}'."),
        };
        int Positive(string name, string fallback)
        {
            var value = int.Parse(values.GetValueOrDefault(name, fallback), CultureInfo.InvariantCulture);
            return value >= 1 ? value : throw new ArgumentException($"--{name} must be at least 1.");
        }

        return new BenchOptions
        {
            Size = size,
            Concurrency = Positive("concurrency", "32"),
            BatchSize = Positive("batch-size", "250"),
            BatchConcurrency = Positive("batch-concurrency", "4"),
            SkipIdle = skipIdle,
            Seed = int.Parse(values.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture),
            OursConnectionString = Required("ours"),
            BaselineConnectionString = Required("baseline"),
            SiloDll = Required("silo-dll"),
            ResultsDirectory = Required("results"),
            LogDirectory = Required("logs"),
            Commit = values.GetValueOrDefault("commit", "unknown"),
        };
    }
}
