namespace OrleansPlatform.Gateway.Imports;

/// <summary>Bulk import settings (configuration section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Imports";

    /// <summary>Largest accepted file (1 GiB; the province file is about 355 MB).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>Households written at the same time across all running imports; the rest of the cluster's capacity stays with other users.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Where uploaded files wait while their import runs; default: a folder under the system's temp directory.</summary>
    public string? Directory { get; set; }

    /// <summary>How often a running import records its progress.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}
