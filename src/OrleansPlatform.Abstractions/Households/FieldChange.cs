namespace OrleansPlatform.Households;

/// <summary>One changed field: its JSON path and the old and new values as JSON (null when absent).</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.FieldChange")]
public sealed record FieldChange(
    [property: Id(0)] string Path,
    [property: Id(1)] string? Old,
    [property: Id(2)] string? New);
