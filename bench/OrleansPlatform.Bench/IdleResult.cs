namespace OrleansPlatform.Bench;

/// <summary>What the silo and PostgreSQL used while no request arrived: CPU as a percentage of one core, memory in bytes.</summary>
public sealed record IdleResult(double WindowSeconds, double SettleSeconds, double SiloCpuPercentOfCore, long SiloRssBytes, double? PostgresCpuPercentOfCore, long? PostgresBytes);
