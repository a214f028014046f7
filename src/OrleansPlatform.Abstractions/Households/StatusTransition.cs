namespace OrleansPlatform.Households;

/// <summary>A requested change of status.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.StatusTransition")]
public sealed record StatusTransition
{
    /// <summary>The status to move to.</summary>
    [Id(0)] public HouseholdStatus? To { get; init; }

    /// <summary>Why; required for removal.</summary>
    [Id(1)] public string? Reason { get; init; }

    /// <summary>When the change takes effect; decides the income year the exit standard is checked against.</summary>
    [Id(2)] public DateOnly? EffectiveDate { get; init; }
}
