namespace OrleansPlatform.Bench;

/// <summary>
/// One freshness probe: how long the write took to commit, then how long after it returned the
/// county's and the province's people counts showed it (null when not within the probe's time limit).
/// </summary>
public sealed record FreshnessProbe(double WriteMs, double? CountyMs, double? ProvinceMs);
