using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Grains.Tests.Statistics;

public class StatsMathTests
{
    private static HouseholdSummary Row(string id, HouseholdStatus status, int members, decimal? income = 2000m, bool atRisk = false, PovertyCause cause = PovertyCause.Illness, bool water = true) => new()
    {
        HouseholdId = id,
        HeadName = "x",
        Members = members,
        Status = status,
        PrimaryCause = cause,
        PerCapitaNetIncome = income,
        Version = 1,
        VillageCode = "610204100201",
        Guarantees = new Guarantees(true, true, true, true, true, water),
        AtRisk = atRisk,
    };

    [Fact]
    public void A_village_counts_by_status_cause_gap_and_income()
    {
        var counts = StatsMath.ForVillage(
        [
            Row("a", HouseholdStatus.Registered, 3, 1000m, water: false),
            Row("b", HouseholdStatus.ReturnedToPoverty, 2, 3000m, cause: PovertyCause.Disaster),
            Row("c", HouseholdStatus.Exited, 4, atRisk: true),
            Row("d", HouseholdStatus.Removed, 5),
            Row("e", HouseholdStatus.ExitProposed, 1, income: null),
        ], ruralPopulation: 1000);

        Assert.Equal(4, counts.Households);
        Assert.Equal(10, counts.People);
        Assert.Equal(3, counts.PoorHouseholds);
        Assert.Equal(6, counts.PoorPeople);
        Assert.Equal((1, 4), (counts.ExitedHouseholds, counts.ExitedPeople));
        Assert.Equal((1, 1, 1), (counts.ReturnedHouseholds, counts.RemovedHouseholds, counts.AtRiskHouseholds));
        Assert.Equal(2, counts.ByPrimaryCause[PovertyCause.Illness]);
        Assert.Equal(1, counts.ByPrimaryCause[PovertyCause.Disaster]);
        Assert.Equal(1, Assert.Single(counts.GuaranteeGaps).Value);
        var stats = StatsMath.ToStats(AreaCode.Parse("610204100201"), counts, DateTimeOffset.UnixEpoch, 5, 0.03m);
        Assert.Equal(2000m, stats.AveragePerCapitaIncome);
        Assert.Equal(0.006m, stats.PovertyIncidence);
    }

    [Theory]
    [InlineData(299, true)]  // 2.99%
    [InlineData(300, false)] // 3.00%
    public void Exit_eligibility_needs_incidence_strictly_below_the_threshold(int poorPeople, bool eligible)
    {
        var counts = StatsCounts.Empty with { PoorPeople = poorPeople, RuralPopulation = 10_000, Villages = 1, VillagesWithPopulation = 1 };

        Assert.Equal(eligible, StatsMath.ToStats(AreaCode.Parse("610204000000"), counts, DateTimeOffset.UnixEpoch, 1, 0.03m).ExitEligible);
        Assert.Equal(eligible, StatsMath.ToStats(AreaCode.Parse("610204100201"), counts, DateTimeOffset.UnixEpoch, 1, 0.03m).ExitEligible);
        Assert.Null(StatsMath.ToStats(AreaCode.Parse("610204100000"), counts, DateTimeOffset.UnixEpoch, 1, 0.03m).ExitEligible);
    }

    [Fact]
    public void Incidence_is_unknown_while_any_village_lacks_a_population()
    {
        var known = StatsMath.ForVillage([Row("a", HouseholdStatus.Registered, 3)], 100);
        var unknown = StatsMath.ForVillage([Row("b", HouseholdStatus.Registered, 3)], null);

        var stats = StatsMath.ToStats(AreaCode.Parse("610204000000"), StatsCounts.Sum([known, unknown]), DateTimeOffset.UnixEpoch, 2, 0.03m);

        Assert.Equal(100, stats.RuralPopulation);
        Assert.Null(stats.PovertyIncidence);
        Assert.Null(stats.ExitEligible);
    }

    [Fact]
    public void Sums_are_exact_and_keep_every_cause_and_gap()
    {
        var a = StatsMath.ForVillage([Row("a", HouseholdStatus.Registered, 3, water: false)], 100);
        var b = StatsMath.ForVillage([Row("b", HouseholdStatus.Registered, 2, cause: PovertyCause.Disaster, water: false)], 50);

        var sum = StatsCounts.Sum([a, b, StatsCounts.Empty]);

        Assert.Equal((2, 5, 150L, 2), (sum.PoorHouseholds, sum.PoorPeople, sum.RuralPopulation, sum.Villages));
        Assert.Equal(2, sum.GuaranteeGaps["water"]);
        Assert.Equal(1, sum.ByPrimaryCause[PovertyCause.Disaster]);
    }
}
