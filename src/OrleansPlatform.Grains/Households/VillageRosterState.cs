namespace OrleansPlatform.Households;

/// <summary>Persisted state of a <see cref="VillageRosterGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.VillageRosterState")]
public sealed class VillageRosterState
{
    /// <summary>Rows of the households living in the village, by id.</summary>
    [Id(0)] public Dictionary<string, HouseholdSummary> Households { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Version at which each household that moved away left, so late reports cannot bring it back.</summary>
    [Id(1)] public Dictionary<string, int> Departed { get; set; } = new(StringComparer.Ordinal);
}
