using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

public class ExitStandardTests
{
    private static readonly DateOnly Date2016 = new(2016, 12, 1);

    private static PovertyLineOptions Lines()
    {
        var lines = new PovertyLineOptions();
        lines.National[2016] = 2952m;
        return lines;
    }

    [Fact]
    public void Income_above_the_line_with_every_guarantee_meets_the_standard()
    {
        var record = Synthetic.Household("610204100201", perCapita2016: 3000m);

        var assessment = ExitStandard.Assess(record, 2016, Date2016, Lines());

        Assert.True(assessment.Meets, string.Join("; ", assessment.Unmet.Values));
        Assert.Equal(3000m, assessment.PerCapitaNetIncome);
        Assert.Equal(2952m, assessment.PovertyLine);
    }

    [Theory]
    [InlineData(2952, false)] // exactly at the line is not above it
    [InlineData(2952.01, true)]
    [InlineData(2000, false)]
    public void Income_must_be_strictly_above_the_line(decimal perCapita, bool meets)
    {
        var record = Synthetic.Household("610204100201", perCapita);

        var assessment = ExitStandard.Assess(record, 2016, Date2016, Lines());

        Assert.Equal(meets, !assessment.Unmet.ContainsKey("income"));
    }

    [Fact]
    public void Net_income_subtracts_production_costs_and_divides_by_members()
    {
        var record = Synthetic.Household("610204100201") with
        {
            Incomes = [new YearIncome { Year = 2016, Wages = 5000, Business = 2000, Transfers = 600, Property = 400, ProductionCosts = 1000 }],
        };

        Assert.Equal(3500m, ExitStandard.Assess(record, 2016, Date2016, Lines()).PerCapitaNetIncome);
    }

    [Fact]
    public void A_child_of_compulsory_school_age_out_of_school_and_an_uninsured_member_are_both_named()
    {
        var child = Synthetic.Member(Relation.Child, 12, inSchool: false);
        var record = Synthetic.Household("610204100201", 3500m, child);
        record = record with { Members = [record.Members![0] with { MedicalInsurance = false }, .. record.Members.Skip(1)] };

        var assessment = ExitStandard.Assess(record, null, DateOnly.FromDateTime(DateTime.UtcNow), Lines());

        Assert.False(assessment.Guarantees.CompulsoryEducation);
        Assert.False(assessment.Guarantees.Medical);
        Assert.Contains("members[2]", assessment.Unmet["compulsoryEducation"], StringComparison.Ordinal);
        Assert.Contains("members[0]", assessment.Unmet["medical"], StringComparison.Ordinal);
    }

    [Fact]
    public void Unsafe_housing_unsafe_water_and_worries_about_food_or_clothing_each_fail_their_guarantee()
    {
        var record = Synthetic.Household("610204100201", 3500m) with
        {
            Housing = new Housing { Safe = false },
            SafeDrinkingWater = false,
            FoodSecure = false,
            ClothingSecure = false,
        };

        var assessment = ExitStandard.Assess(record, 2016, Date2016, Lines());

        Assert.Equal(["clothing", "food", "housing", "water"], assessment.Unmet.Keys.Order());
    }

    [Fact]
    public void A_year_without_a_configured_line_or_without_income_cannot_meet_the_income_criterion()
    {
        var record = Synthetic.Household("610204100201", 3500m);

        Assert.Contains("No national poverty line", ExitStandard.Assess(record, 2016, Date2016, new PovertyLineOptions()).Unmet["income"], StringComparison.Ordinal);
        Assert.Contains("No income is recorded for 2015", ExitStandard.Assess(record, 2015, Date2016, Lines()).Unmet["income"], StringComparison.Ordinal);
    }
}
