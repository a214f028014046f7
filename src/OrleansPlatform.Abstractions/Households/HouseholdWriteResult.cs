namespace OrleansPlatform.Households;

/// <summary>The outcome of writing a household.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HouseholdWriteResult")]
public sealed record HouseholdWriteResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] HouseholdView Household,
    [property: Id(2)] bool Changed = true);
