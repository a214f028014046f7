namespace OrleansPlatform.Bench;

/// <summary>Everything one run measured, as written to <c>bench/results/</c>.</summary>
public sealed record BenchReport
{
    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Generator size.</summary>
    public required string Size { get; init; }

    /// <summary>Calls in flight for writes and concurrent reads.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Git commit measured.</summary>
    public required string Commit { get; init; }

    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>Areas created, households and people imported.</summary>
    public required DataSetSize Data { get; init; }

    /// <summary>The platform's registration of the first households, one call and one grain each.</summary>
    public required ImportResult OursRegistration { get; init; }

    /// <summary>The baseline's registration of the same households, one upsert each.</summary>
    public required ImportResult BaselineRegistration { get; init; }

    /// <summary>The platform's import of the whole file through its bulk import.</summary>
    public required ImportResult OursImport { get; init; }

    /// <summary>The baseline's import of the whole file, one upsert per household.</summary>
    public required ImportResult BaselineImport { get; init; }

    /// <summary>Households the bulk import handed back to their grains.</summary>
    public required long HandedBack { get; init; }

    /// <summary>Households per bulk call.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Bulk calls in flight.</summary>
    public required int BatchConcurrency { get; init; }

    /// <summary>Seconds after the platform's import returned until the province showed every household.</summary>
    public required double ConvergenceSeconds { get; init; }

    /// <summary>Grain-state writes per state name during the platform's import.</summary>
    public required IReadOnlyList<StateWrites> StateWrites { get; init; }

    /// <summary>Province statistics reads.</summary>
    public required StatsComparison Stats { get; init; }

    /// <summary>Freshness under a steady write load.</summary>
    public required FreshnessResult Freshness { get; init; }

    /// <summary>Idle cost; null when skipped.</summary>
    public IdleResult? Idle { get; init; }

    /// <summary>Registration throughput of the platform relative to the baseline, one household per call on both sides.</summary>
    public double RegistrationRatio => OursRegistration.Timing.Rate / BaselineRegistration.Timing.Rate;

    /// <summary>The targets.</summary>
    public required IReadOnlyList<TargetCheck> Targets { get; init; }
}
