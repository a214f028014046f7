namespace OrleansPlatform.Households;

/// <summary>A household's income for one year, in yuan.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.YearIncome")]
public sealed record YearIncome
{
    /// <summary>Calendar year.</summary>
    [Id(0)] public int? Year { get; init; }

    /// <summary>Wage income.</summary>
    [Id(1)] public decimal? Wages { get; init; }

    /// <summary>Household business income.</summary>
    [Id(2)] public decimal? Business { get; init; }

    /// <summary>Transfer income (subsidies, pensions, dibao).</summary>
    [Id(3)] public decimal? Transfers { get; init; }

    /// <summary>Property income (land rent, dividends).</summary>
    [Id(4)] public decimal? Property { get; init; }

    /// <summary>Production costs, subtracted.</summary>
    [Id(5)] public decimal? ProductionCosts { get; init; }

    /// <summary>Net income = wages + business + transfers + property − production costs.</summary>
    public decimal Net => (Wages ?? 0) + (Business ?? 0) + (Transfers ?? 0) + (Property ?? 0) - (ProductionCosts ?? 0);
}
