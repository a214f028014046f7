using OrleansPlatform.Households;

namespace OrleansPlatform.Bench;

/// <summary>
/// The columns the baseline stores beside a household's JSON record: what its GROUP BY needs. The
/// per-capita income and the guarantees are computed with the platform's own rules, as the grain does.
/// </summary>
public sealed record BaselineRow(
    string Id,
    string VillageCode,
    string CountyCode,
    short Status,
    int Members,
    short PrimaryCause,
    decimal? PerCapita,
    Guarantees Guarantees)
{
    /// <summary>The row of a newly registered household.</summary>
    public static BaselineRow From(string id, HouseholdRecord record, DateOnly today, PovertyLineOptions lines)
    {
        var assessment = ExitStandard.Assess(record, incomeYear: null, today, lines);
        return new BaselineRow(
            id,
            record.VillageCode!,
            record.VillageCode![..6],
            (short)HouseholdStatus.Registered,
            record.Members!.Count,
            (short)record.PrimaryCause!.Value,
            assessment.PerCapitaNetIncome,
            assessment.Guarantees);
    }
}
