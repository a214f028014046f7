namespace OrleansPlatform.Households;

/// <summary>A household's committed roster row, and whether a write is in progress.</summary>
/// <param name="Summary">The committed row, or null when the household does not exist.</param>
/// <param name="Writing">True while a write is in progress; its outcome will be reported.</param>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.SummaryProbe")]
public sealed record SummaryProbe(
    [property: Id(0)] HouseholdSummary? Summary,
    [property: Id(1)] bool Writing);
