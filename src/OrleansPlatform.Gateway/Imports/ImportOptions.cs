namespace OrleansPlatform.Gateway.Imports;

/// <summary>Bulk import settings (configuration section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Imports";

    /// <summary>Largest accepted file (1 GiB; the province file is about 355 MB).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>
    /// Households written one by one through their grains at the same time, across all running imports
    /// (updates, and whatever a batch hands back); the rest of the cluster's capacity stays with other users.
    /// </summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Households per bulk call; new and unchanged households are written without a grain each.</summary>
    public int BatchSize { get; set; } = 250;

    /// <summary>Bulk calls in flight at the same time across all running imports.</summary>
    public int BatchConcurrency { get; set; } = 4;

    /// <summary>Where uploaded files wait while their import runs; default: a folder under the system's temp directory.</summary>
    public string? Directory { get; set; }

    /// <summary>How often a running import records its progress.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
