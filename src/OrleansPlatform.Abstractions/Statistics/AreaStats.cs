using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>The figures of one area as officials read them.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AreaStats")]
public sealed record AreaStats
{
    /// <summary>The area.</summary>
    [Id(0)] public required string Code { get; init; }

    /// <summary>Its level.</summary>
    [Id(1)] public AreaLevel Level { get; init; }

    /// <summary>Registered households, removed ones excluded.</summary>
    [Id(2)] public int Households { get; init; }

    /// <summary>Members of those households.</summary>
    [Id(3)] public int People { get; init; }

    /// <summary>Poor households (registered, exit proposed, returned to poverty).</summary>
    [Id(4)] public int PoorHouseholds { get; init; }

    /// <summary>Members of poor households.</summary>
    [Id(5)] public int PoorPeople { get; init; }

    /// <summary>Exited households.</summary>
    [Id(6)] public int ExitedHouseholds { get; init; }

    /// <summary>Members of exited households.</summary>
    [Id(7)] public int ExitedPeople { get; init; }

    /// <summary>Households returned to poverty.</summary>
    [Id(8)] public int ReturnedHouseholds { get; init; }

    /// <summary>Households removed as wrongly registered.</summary>
    [Id(9)] public int RemovedHouseholds { get; init; }

    /// <summary>Exited households at risk of returning to poverty.</summary>
    [Id(10)] public int AtRiskHouseholds { get; init; }

    /// <summary>Sum of the villages' rural populations, or null when no village has one.</summary>
    [Id(11)] public long? RuralPopulation { get; init; }

    /// <summary>Poor people / rural population; null unless every village's population is known.</summary>
    [Id(12)] public decimal? PovertyIncidence { get; init; }

    /// <summary>Poor households per primary cause.</summary>
    [Id(13)] public required IReadOnlyDictionary<PovertyCause, int> ByPrimaryCause { get; init; }

    /// <summary>Poor households failing each guarantee.</summary>
    [Id(14)] public required IReadOnlyDictionary<string, int> GuaranteeGaps { get; init; }

    /// <summary>Average latest per-capita net income of poor households, or null when none has one.</summary>
    [Id(15)] public decimal? AveragePerCapitaIncome { get; init; }

    /// <summary>Villages and counties: incidence below the exit threshold. Null for other levels or unknown incidence.</summary>
    [Id(16)] public bool? ExitEligible { get; init; }

    /// <summary>When these figures were computed.</summary>
    [Id(17)] public DateTimeOffset AsOf { get; init; }

    /// <summary>Child units whose figures are included (households for a village, villages above).</summary>
    [Id(18)] public int ReportingChildren { get; init; }
}
