namespace OrleansPlatform.People;

/// <summary>Persisted state of a <see cref="PersonGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.PersonState")]
public sealed class PersonState
{
    /// <summary>The household holding the person, or null.</summary>
    [Id(0)] public string? HouseholdId { get; set; }

    /// <summary>When the claim was made.</summary>
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}
