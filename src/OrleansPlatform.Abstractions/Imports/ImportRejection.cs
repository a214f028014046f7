namespace OrleansPlatform.Imports;

/// <summary>A rejected row: its line in the file, its household, the field at fault if known, and why.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.ImportRejection")]
public sealed record ImportRejection(
    [property: Id(0)] long Line,
    [property: Id(1)] string HouseholdId,
    [property: Id(2)] string? Field,
    [property: Id(3)] string Reason);
