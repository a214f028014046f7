namespace OrleansPlatform.Households;

/// <summary>A household as a village roster row.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HouseholdSummary")]
public sealed record HouseholdSummary
{
    /// <summary>The household's id.</summary>
    [Id(0)] public required string HouseholdId { get; init; }

    /// <summary>Name of the head.</summary>
    [Id(1)] public required string HeadName { get; init; }

    /// <summary>Number of members.</summary>
    [Id(2)] public int Members { get; init; }

    /// <summary>Status.</summary>
    [Id(3)] public HouseholdStatus Status { get; init; }

    /// <summary>Main cause of poverty.</summary>
    [Id(4)] public PovertyCause PrimaryCause { get; init; }

    /// <summary>Per-capita net income of the latest year, if any.</summary>
    [Id(5)] public decimal? PerCapitaNetIncome { get; init; }

    /// <summary>The household version this row reflects; older reports never overwrite newer ones.</summary>
    [Id(6)] public int Version { get; init; }

    /// <summary>The village the household lives in at this version.</summary>
    [Id(7)] public string? VillageCode { get; init; }

    /// <summary>Each guarantee at this version.</summary>
    [Id(8)] public Guarantees? Guarantees { get; init; }

    /// <summary>Exited but at risk of returning to poverty.</summary>
    [Id(9)] public bool AtRisk { get; init; }
}
