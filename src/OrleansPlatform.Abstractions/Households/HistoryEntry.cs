namespace OrleansPlatform.Households;

/// <summary>One version of a household: when, by whom, what kind of change, and what changed.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Kind,
    [property: Id(4)] IReadOnlyList<FieldChange> Changes);
