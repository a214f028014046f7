using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>The arithmetic of the figures, shared by the rollup and the consistency recount.</summary>
public static class StatsMath
{
    /// <summary>Guarantee names as reported in <c>guaranteeGaps</c>.</summary>
    public static readonly string[] GuaranteeNames = ["food", "clothing", "compulsoryEducation", "medical", "housing", "water"];

    /// <summary>The figures of one village: its households' rows and its rural population.</summary>
    public static StatsCounts ForVillage(IEnumerable<HouseholdSummary> households, long? ruralPopulation)
    {
        int all = 0, people = 0, poor = 0, poorPeople = 0, exited = 0, exitedPeople = 0, returned = 0, removed = 0, atRisk = 0, incomeCount = 0;
        decimal incomeSum = 0;
        var causes = new Dictionary<PovertyCause, int>();
        var gaps = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in households)
        {
            if (h.Status == HouseholdStatus.Removed)
            {
                removed++;
                continue;
            }

            all++;
            people += h.Members;
            if (h.Status == HouseholdStatus.Exited)
            {
                exited++;
                exitedPeople += h.Members;
                atRisk += h.AtRisk ? 1 : 0;
            }

            returned += h.Status == HouseholdStatus.ReturnedToPoverty ? 1 : 0;
            if (!Lifecycle.IsPoor(h.Status))
            {
                continue;
            }

            poor++;
            poorPeople += h.Members;
            causes[h.PrimaryCause] = causes.GetValueOrDefault(h.PrimaryCause) + 1;
            foreach (var gap in Gaps(h.Guarantees))
            {
                gaps[gap] = gaps.GetValueOrDefault(gap) + 1;
            }

            if (h.PerCapitaNetIncome is { } income)
            {
                incomeSum += income;
                incomeCount++;
            }
        }

        return new StatsCounts
        {
            Households = all,
            People = people,
            PoorHouseholds = poor,
            PoorPeople = poorPeople,
            ExitedHouseholds = exited,
            ExitedPeople = exitedPeople,
            ReturnedHouseholds = returned,
            RemovedHouseholds = removed,
            AtRiskHouseholds = atRisk,
            RuralPopulation = ruralPopulation ?? 0,
            Villages = 1,
            VillagesWithPopulation = ruralPopulation is null ? 0 : 1,
            ByPrimaryCause = causes,
            GuaranteeGaps = gaps,
            PoorIncomeSum = incomeSum,
            PoorIncomeCount = incomeCount,
        };
    }

    /// <summary>What officials read, derived from the additive figures.</summary>
    public static AreaStats ToStats(AreaCode code, StatsCounts c, DateTimeOffset asOf, int reportingChildren, decimal exitThreshold)
    {
        decimal? incidence = c.Villages > 0 && c.VillagesWithPopulation == c.Villages && c.RuralPopulation > 0
            ? (decimal)c.PoorPeople / c.RuralPopulation
            : null;
        return new AreaStats
        {
            Code = code.Value,
            Level = code.Level,
            Households = c.Households,
            People = c.People,
            PoorHouseholds = c.PoorHouseholds,
            PoorPeople = c.PoorPeople,
            ExitedHouseholds = c.ExitedHouseholds,
            ExitedPeople = c.ExitedPeople,
            ReturnedHouseholds = c.ReturnedHouseholds,
            RemovedHouseholds = c.RemovedHouseholds,
            AtRiskHouseholds = c.AtRiskHouseholds,
            RuralPopulation = c.VillagesWithPopulation == 0 ? null : c.RuralPopulation,
            PovertyIncidence = incidence,
            ByPrimaryCause = c.ByPrimaryCause,
            GuaranteeGaps = c.GuaranteeGaps,
            AveragePerCapitaIncome = c.PoorIncomeCount == 0 ? null : Math.Round(c.PoorIncomeSum / c.PoorIncomeCount, 2, MidpointRounding.AwayFromZero),
            ExitEligible = code.Level is AreaLevel.Village or AreaLevel.County && incidence is { } i ? i < exitThreshold : null,
            AsOf = asOf,
            ReportingChildren = reportingChildren,
        };
    }

    private static IEnumerable<string> Gaps(Guarantees? g)
    {
        if (g is null)
        {
            yield break;
        }

        bool[] holds = [g.Food, g.Clothing, g.CompulsoryEducation, g.Medical, g.Housing, g.Water];
        for (var i = 0; i < holds.Length; i++)
        {
            if (!holds[i])
            {
                yield return GuaranteeNames[i];
            }
        }
    }
}
