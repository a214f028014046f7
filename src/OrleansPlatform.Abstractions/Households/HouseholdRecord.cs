namespace OrleansPlatform.Households;

/// <summary>
/// The registration record (建档立卡) of a poor household as a caller writes it. Nullable fields are
/// required unless documented optional; validation reports every missing or wrong field at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HouseholdRecord")]
public sealed record HouseholdRecord
{
    /// <summary>Code of the village the household lives in.</summary>
    [Id(0)] public string? VillageCode { get; init; }

    /// <summary>Identification standard.</summary>
    [Id(1)] public PovertyStandard? Standard { get; init; }

    /// <summary>Household category.</summary>
    [Id(2)] public HouseholdCategory? Category { get; init; }

    /// <summary>Main cause of poverty.</summary>
    [Id(3)] public PovertyCause? PrimaryCause { get; init; }

    /// <summary>Up to two further causes, distinct and not the main one. Optional.</summary>
    [Id(4)] public IReadOnlyList<PovertyCause>? OtherCauses { get; init; }

    /// <summary>1 to 20 members, exactly one of them the head.</summary>
    [Id(5)] public IReadOnlyList<Member>? Members { get; init; }

    /// <summary>The dwelling.</summary>
    [Id(6)] public Housing? Housing { get; init; }

    /// <summary>Safe drinking water.</summary>
    [Id(7)] public bool? SafeDrinkingWater { get; init; }

    /// <summary>Connected to electricity.</summary>
    [Id(8)] public bool? Electricity { get; init; }

    /// <summary>Connected to broadband.</summary>
    [Id(9)] public bool? Broadband { get; init; }

    /// <summary>No worry about food (不愁吃).</summary>
    [Id(10)] public bool? FoodSecure { get; init; }

    /// <summary>No worry about clothing (不愁穿).</summary>
    [Id(11)] public bool? ClothingSecure { get; init; }

    /// <summary>Income per year; optional, at most one entry per year.</summary>
    [Id(12)] public IReadOnlyList<YearIncome>? Incomes { get; init; }

    /// <summary>Contact phone; optional.</summary>
    [Id(13)] public string? Phone { get; init; }
}
