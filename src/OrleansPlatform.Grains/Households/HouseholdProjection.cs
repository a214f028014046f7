namespace OrleansPlatform.Households;

/// <summary>What follows from a household's state: the view callers read and the roster row.</summary>
public static class HouseholdProjection
{
    /// <summary>The view of <paramref name="state"/> as of <paramref name="today"/>.</summary>
    public static HouseholdView View(string householdId, HouseholdState state, DateOnly today, PovertyLineOptions lines)
    {
        var record = state.Record!;
        var assessment = ExitStandard.Assess(record, incomeYear: null, today, lines);
        return new HouseholdView
        {
            HouseholdId = householdId,
            Record = record,
            Status = state.Status,
            StatusReason = state.StatusReason,
            StatusEffectiveDate = state.StatusEffectiveDate,
            PerCapitaNetIncome = assessment.PerCapitaNetIncome,
            IncomeYear = assessment.IncomeYear,
            PovertyLine = assessment.PovertyLine,
            Guarantees = assessment.Guarantees,
            MeetsExitStandard = assessment.Meets,
            UnmetCriteria = assessment.Unmet.Keys.ToList(),
            AtRisk = IsAtRisk(state, assessment, lines),
            Version = state.Version,
        };
    }

    /// <summary>
    /// Return-to-poverty monitoring: an exited household whose latest per-capita income is below the
    /// monitoring factor times the line, or with a member who became seriously ill or disabled after the exit.
    /// </summary>
    public static bool IsAtRisk(HouseholdState state, ExitAssessment assessment, PovertyLineOptions lines)
    {
        if (state.Status != HouseholdStatus.Exited)
        {
            return false;
        }

        if (assessment.PerCapitaNetIncome is { } income && assessment.PovertyLine is { } line && income < lines.MonitoringFactor * line)
        {
            return true;
        }

        return (state.Record?.Members ?? []).Any(m =>
            m.Health is Health.SeriousIllness or Health.Disabled && !state.IllAtExit.Contains(m.IdNumber!));
    }

    /// <summary>The roster row of <paramref name="view"/>.</summary>
    public static HouseholdSummary Summary(HouseholdView view)
    {
        var members = view.Record.Members!;
        return new HouseholdSummary
        {
            HouseholdId = view.HouseholdId,
            HeadName = members.First(m => m.Relation == Relation.Head).Name!.Trim(),
            Members = members.Count,
            Status = view.Status,
            PrimaryCause = view.Record.PrimaryCause!.Value,
            PerCapitaNetIncome = view.PerCapitaNetIncome,
            Version = view.Version,
            VillageCode = view.Record.VillageCode,
            Guarantees = view.Guarantees,
            AtRisk = view.AtRisk,
        };
    }
}
