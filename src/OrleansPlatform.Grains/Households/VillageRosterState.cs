namespace OrleansPlatform.Households;

/// <summary>Persisted state of a <see cref="VillageRosterGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.VillageRosterState")]
public sealed class VillageRosterState
{
    /// <summary>Rows of the households living in the village, by id.</summary>
    [Id(0)] public Dictionary<string, HouseholdSummary> Households { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Version at which each household that moved away left, so late reports cannot bring it back.</summary>
    [Id(1)] public Dictionary<string, int> Departed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Writes announced but not yet reported: household id to the version it is writing.</summary>
    [Id(2)] public Dictionary<string, int> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The village's rural population, as its area last said.</summary>
    [Id(3)] public long? RuralPopulation { get; set; }

    /// <summary>Increases with every change of the village's figures; the version of its reports.</summary>
    [Id(4)] public int FiguresVersion { get; set; }

    /// <summary>
    /// A copy that later changes to this state do not touch (rows are immutable records), for the
    /// storage provider to serialize while the grain goes on changing its own.
    /// </summary>
    public VillageRosterState Snapshot() => new()
    {
        Households = new Dictionary<string, HouseholdSummary>(Households, StringComparer.Ordinal),
        Departed = new Dictionary<string, int>(Departed, StringComparer.Ordinal),
        Pending = new Dictionary<string, int>(Pending, StringComparer.Ordinal),
        RuralPopulation = RuralPopulation,
        FiguresVersion = FiguresVersion,
    };
}
