using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>
/// Additive figures of an area: sums that roll up exactly from village to province. Ratios and
/// averages are derived from them only when read.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.StatsCounts")]
public sealed record StatsCounts
{
    /// <summary>No households, no villages.</summary>
    public static StatsCounts Empty { get; } = new();

    /// <summary>Registered households, removed ones excluded.</summary>
    [Id(0)] public int Households { get; init; }

    /// <summary>Members of those households.</summary>
    [Id(1)] public int People { get; init; }

    /// <summary>Households registered, exit proposed or returned to poverty.</summary>
    [Id(2)] public int PoorHouseholds { get; init; }

    /// <summary>Members of poor households.</summary>
    [Id(3)] public int PoorPeople { get; init; }

    /// <summary>Households that exited.</summary>
    [Id(4)] public int ExitedHouseholds { get; init; }

    /// <summary>Members of exited households.</summary>
    [Id(5)] public int ExitedPeople { get; init; }

    /// <summary>Households returned to poverty.</summary>
    [Id(6)] public int ReturnedHouseholds { get; init; }

    /// <summary>Households removed as wrongly registered.</summary>
    [Id(7)] public int RemovedHouseholds { get; init; }

    /// <summary>Exited households at risk of returning to poverty.</summary>
    [Id(8)] public int AtRiskHouseholds { get; init; }

    /// <summary>Sum of the rural populations of the villages that have one.</summary>
    [Id(9)] public long RuralPopulation { get; init; }

    /// <summary>Villages counted.</summary>
    [Id(10)] public int Villages { get; init; }

    /// <summary>Villages with a known rural population.</summary>
    [Id(11)] public int VillagesWithPopulation { get; init; }

    /// <summary>Poor households per primary cause.</summary>
    [Id(12)] public IReadOnlyDictionary<PovertyCause, int> ByPrimaryCause { get; init; } = new Dictionary<PovertyCause, int>();

    /// <summary>Poor households failing each guarantee (food, clothing, compulsoryEducation, medical, housing, water).</summary>
    [Id(13)] public IReadOnlyDictionary<string, int> GuaranteeGaps { get; init; } = new Dictionary<string, int>();

    /// <summary>Sum of the latest per-capita net incomes of poor households that have one.</summary>
    [Id(14)] public decimal PoorIncomeSum { get; init; }

    /// <summary>Poor households with a per-capita net income.</summary>
    [Id(15)] public int PoorIncomeCount { get; init; }

    /// <summary>The exact sum of several areas' figures.</summary>
    public static StatsCounts Sum(IEnumerable<StatsCounts> parts)
    {
        var causes = new Dictionary<PovertyCause, int>();
        var gaps = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new StatsCounts();
        foreach (var p in parts)
        {
            total = total with
            {
                Households = total.Households + p.Households,
                People = total.People + p.People,
                PoorHouseholds = total.PoorHouseholds + p.PoorHouseholds,
                PoorPeople = total.PoorPeople + p.PoorPeople,
                ExitedHouseholds = total.ExitedHouseholds + p.ExitedHouseholds,
                ExitedPeople = total.ExitedPeople + p.ExitedPeople,
                ReturnedHouseholds = total.ReturnedHouseholds + p.ReturnedHouseholds,
                RemovedHouseholds = total.RemovedHouseholds + p.RemovedHouseholds,
                AtRiskHouseholds = total.AtRiskHouseholds + p.AtRiskHouseholds,
                RuralPopulation = total.RuralPopulation + p.RuralPopulation,
                Villages = total.Villages + p.Villages,
                VillagesWithPopulation = total.VillagesWithPopulation + p.VillagesWithPopulation,
                PoorIncomeSum = total.PoorIncomeSum + p.PoorIncomeSum,
                PoorIncomeCount = total.PoorIncomeCount + p.PoorIncomeCount,
            };
            foreach (var (cause, n) in p.ByPrimaryCause)
            {
                causes[cause] = causes.GetValueOrDefault(cause) + n;
            }

            foreach (var (gap, n) in p.GuaranteeGaps)
            {
                gaps[gap] = gaps.GetValueOrDefault(gap) + n;
            }
        }

        return total with { ByPrimaryCause = causes, GuaranteeGaps = gaps };
    }
}
