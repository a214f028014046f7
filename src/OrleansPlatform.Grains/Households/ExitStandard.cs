using System.Globalization;

namespace OrleansPlatform.Households;

/// <summary>
/// The household exit standard (2016 national rules, Shaanxi's five criteria): per-capita net income
/// above the year's line for the household's standard, no worry about food and clothing, no member
/// aged 6–15 out of school, every member with basic medical insurance, safe housing, safe water.
/// </summary>
public static class ExitStandard
{
    /// <summary>Assesses <paramref name="record"/> for <paramref name="incomeYear"/> (null: the latest recorded) as of <paramref name="asOf"/>.</summary>
    public static ExitAssessment Assess(HouseholdRecord record, int? incomeYear, DateOnly asOf, PovertyLineOptions lines)
    {
        var members = record.Members ?? [];
        var incomes = record.Incomes ?? [];
        var year = incomeYear ?? (incomes.Count == 0 ? null : incomes.Max(i => i.Year));
        var income = year is null ? null : incomes.FirstOrDefault(i => i.Year == year);
        var perCapita = PerCapita(income, members.Count);
        var line = year is { } y && record.Standard is { } standard ? lines.LineFor(standard, y) : null;

        var unmet = new Dictionary<string, string>(StringComparer.Ordinal);
        if (year is null || perCapita is null)
        {
            unmet["income"] = year is null ? "No income is recorded." : $"No income is recorded for {year}.";
        }
        else if (line is null)
        {
            unmet["income"] = $"No {record.Standard.ToString()!.ToLowerInvariant()} poverty line is configured for {year}.";
        }
        else if (perCapita <= line)
        {
            unmet["income"] = string.Create(CultureInfo.InvariantCulture, $"Per-capita net income {perCapita:0.00} in {year} is not above the line of {line:0.##}.");
        }

        var dropouts = members.Select((m, i) => (m, i))
            .Where(x => x.m.BirthDate is { } birth && AgeOn(birth, asOf) is >= 6 and <= 15 && x.m.InSchool != true)
            .Select(x => $"members[{x.i}]")
            .ToList();
        var uninsured = members.Select((m, i) => (m, i))
            .Where(x => x.m.MedicalInsurance != true)
            .Select(x => $"members[{x.i}]")
            .ToList();
        var guarantees = new Guarantees(
            Food: record.FoodSecure == true,
            Clothing: record.ClothingSecure == true,
            CompulsoryEducation: dropouts.Count == 0,
            Medical: uninsured.Count == 0,
            Housing: record.Housing?.Safe == true,
            Water: record.SafeDrinkingWater == true);

        if (!guarantees.Food)
        {
            unmet["food"] = "The household is not free of worry about food.";
        }

        if (!guarantees.Clothing)
        {
            unmet["clothing"] = "The household is not free of worry about clothing.";
        }

        if (!guarantees.CompulsoryEducation)
        {
            unmet["compulsoryEducation"] = $"Aged 6–15 and not in school: {string.Join(", ", dropouts)}.";
        }

        if (!guarantees.Medical)
        {
            unmet["medical"] = $"Without basic medical insurance: {string.Join(", ", uninsured)}.";
        }

        if (!guarantees.Housing)
        {
            unmet["housing"] = "The housing is not safe.";
        }

        if (!guarantees.Water)
        {
            unmet["water"] = "There is no safe drinking water.";
        }

        return new ExitAssessment(year, perCapita, line, guarantees, unmet);
    }

    /// <summary>Per-capita net income, rounded to fen, or null without an income entry or members.</summary>
    public static decimal? PerCapita(YearIncome? income, int members) =>
        income is null || members == 0 ? null : Math.Round(income.Net / members, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whole years of age on <paramref name="date"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        if (date < birth.AddYears(age))
        {
            age--;
        }

        return age;
    }
}
