namespace OrleansPlatform.Bench;

/// <summary>CPU seconds and peak memory (bytes) of the silo, PostgreSQL and the benchmark client during one phase.</summary>
public sealed record ResourceUse(
    double SiloCpuSeconds,
    double? PostgresCpuSeconds,
    double ClientCpuSeconds,
    long SiloPeakRssBytes,
    long? PostgresPeakBytes);
