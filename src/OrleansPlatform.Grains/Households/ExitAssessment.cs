namespace OrleansPlatform.Households;

/// <summary>How a household stands against the exit standard for one income year.</summary>
/// <param name="IncomeYear">The year assessed.</param>
/// <param name="PerCapitaNetIncome">Per-capita net income of that year, or null when none was recorded.</param>
/// <param name="PovertyLine">The line for that year and standard, or null when none is configured.</param>
/// <param name="Guarantees">Each guarantee.</param>
/// <param name="Unmet">Unmet criteria: key (income, food, clothing, compulsoryEducation, medical, housing, water) to explanation.</param>
public sealed record ExitAssessment(
    int? IncomeYear,
    decimal? PerCapitaNetIncome,
    decimal? PovertyLine,
    Guarantees Guarantees,
    IReadOnlyDictionary<string, string> Unmet)
{
    /// <summary>True when every criterion holds.</summary>
    public bool Meets => Unmet.Count == 0;
}
