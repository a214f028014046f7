namespace OrleansPlatform.Imports;

/// <summary>Persisted state of an import job grain.</summary>
[GenerateSerializer, Alias("OrleansPlatform.ImportJobState")]
public sealed class ImportJobState
{
    /// <summary>The job as last reported; null until created.</summary>
    [Id(0)] public ImportJobView? Job { get; set; }

    /// <summary>Every rejected row recorded, up to <see cref="ImportJobGrain.MaxRejections"/>.</summary>
    [Id(1)] public List<ImportRejection> Rejections { get; set; } = [];
}
