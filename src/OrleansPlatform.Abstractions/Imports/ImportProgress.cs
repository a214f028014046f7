namespace OrleansPlatform.Imports;

/// <summary>Counts since the last report of a running import, and the rows rejected meanwhile.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.ImportProgress")]
public sealed record ImportProgress(
    [property: Id(0)] long RowsDone,
    [property: Id(1)] int Created,
    [property: Id(2)] int Updated,
    [property: Id(3)] int Unchanged,
    [property: Id(4)] int Rejected,
    [property: Id(5)] IReadOnlyList<ImportRejection> Rejections);
