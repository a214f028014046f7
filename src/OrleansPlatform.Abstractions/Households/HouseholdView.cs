namespace OrleansPlatform.Households;

/// <summary>A household as callers read it: the record plus what follows from it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HouseholdView")]
public sealed record HouseholdView
{
    /// <summary>The household's id.</summary>
    [Id(0)] public required string HouseholdId { get; init; }

    /// <summary>The record as last written.</summary>
    [Id(1)] public required HouseholdRecord Record { get; init; }

    /// <summary>Where the household stands in the register.</summary>
    [Id(2)] public required HouseholdStatus Status { get; init; }

    /// <summary>Per-capita net income of the latest recorded year, or null without incomes.</summary>
    [Id(3)] public decimal? PerCapitaNetIncome { get; init; }

    /// <summary>The latest recorded income year.</summary>
    [Id(4)] public int? IncomeYear { get; init; }

    /// <summary>The poverty line for that year and the household's standard, when configured.</summary>
    [Id(5)] public decimal? PovertyLine { get; init; }

    /// <summary>Each guarantee as it stands now.</summary>
    [Id(6)] public required Guarantees Guarantees { get; init; }

    /// <summary>True when the household meets every exit criterion for its latest income year.</summary>
    [Id(7)] public bool MeetsExitStandard { get; init; }

    /// <summary>The exit criteria not met, in words.</summary>
    [Id(8)] public required IReadOnlyList<string> UnmetCriteria { get; init; }

    /// <summary>Exited but at risk of returning to poverty (防返贫监测).</summary>
    [Id(9)] public bool AtRisk { get; init; }

    /// <summary>Version of the record; increases with every change, and is the ETag.</summary>
    [Id(10)] public int Version { get; init; }

    /// <summary>Reason given with the latest status change.</summary>
    [Id(11)] public string? StatusReason { get; init; }

    /// <summary>Effective date of the latest status change.</summary>
    [Id(12)] public DateOnly? StatusEffectiveDate { get; init; }
}
