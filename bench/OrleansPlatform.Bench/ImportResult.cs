namespace OrleansPlatform.Bench;

/// <summary>
/// Importing every generated household on one side (the platform through grains, or the baseline):
/// timing, the resources used, and what PostgreSQL did for it.
/// </summary>
public sealed record ImportResult(ImportTiming Timing, ResourceUse Resources, DbCounters Database)
{
    /// <summary>Committed transactions per household.</summary>
    public double CommitsPerHousehold => (double)Database.Commits / Timing.Households;

    /// <summary>Rows inserted or updated per household.</summary>
    public double RowWritesPerHousehold => (double)(Database.Inserted + Database.Updated) / Timing.Households;

    /// <summary>Write-ahead-log bytes per household.</summary>
    public double WalBytesPerHousehold => (double)Database.WalBytes / Timing.Households;
}
