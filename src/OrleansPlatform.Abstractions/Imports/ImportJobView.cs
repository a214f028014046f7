namespace OrleansPlatform.Imports;

/// <summary>An import job as its owner reads it: progress while it runs, the report when it ends.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.ImportJobView")]
public sealed record ImportJobView
{
    /// <summary>The job id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Where it stands.</summary>
    [Id(1)] public ImportJobStatus Status { get; init; }

    /// <summary>Who started it.</summary>
    [Id(2)] public required string Owner { get; init; }

    /// <summary>The owner's area; who reaches it may read the job.</summary>
    [Id(3)] public string? AreaCode { get; init; }

    /// <summary>The uploaded file's name, if given.</summary>
    [Id(4)] public string? FileName { get; init; }

    /// <summary>Data rows in the file (lines after the header).</summary>
    [Id(5)] public long RowsTotal { get; init; }

    /// <summary>Data rows handled so far.</summary>
    [Id(6)] public long RowsDone { get; init; }

    /// <summary>Households created.</summary>
    [Id(7)] public int Created { get; init; }

    /// <summary>Households whose record changed.</summary>
    [Id(8)] public int Updated { get; init; }

    /// <summary>Households already exactly as in the file.</summary>
    [Id(9)] public int Unchanged { get; init; }

    /// <summary>Households rejected (none of their rows written).</summary>
    [Id(10)] public int Rejected { get; init; }

    /// <summary>When the job was accepted.</summary>
    [Id(11)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    [Id(12)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last reported or ended.</summary>
    [Id(13)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it ended.</summary>
    [Id(14)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Rows per second since it started.</summary>
    [Id(15)] public double RowsPerSecond { get; init; }

    /// <summary>Why it failed, for a failed job.</summary>
    [Id(16)] public string? Failure { get; init; }

    /// <summary>Rejected rows recorded (all of them up to a cap of 100,000; the first 100 are listed here, page through the rest).</summary>
    [Id(17)] public int RejectionsRecorded { get; init; }

    /// <summary>The first rejected rows.</summary>
    [Id(18)] public IReadOnlyList<ImportRejection> FirstRejections { get; init; } = [];
}
