using System.Text.Json;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Households;

/// <summary>Checks a requested status change and applies it to a household's state.</summary>
public static class TransitionRules
{
    /// <summary>Longest reason accepted with a status change.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Checks the request's fields; returns the target status, the trimmed reason and the date.</summary>
    public static (HouseholdStatus To, string? Reason, DateOnly Date) Validate(StatusTransition? transition, DateOnly today)
    {
        var errors = new ValidationErrors();
        var reason = transition?.Reason?.Trim();
        if (transition?.To is null)
        {
            errors.Add("to", "The target status is required.");
        }

        if (transition?.EffectiveDate is not { } date)
        {
            errors.Add("effectiveDate", "The effective date (yyyy-mm-dd) is required.");
        }
        else if (date > today)
        {
            errors.Add("effectiveDate", "The effective date cannot be in the future.");
        }

        if (transition?.To == HouseholdStatus.Removed && string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", "A reason is required to remove a household.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"The reason must be at most {MaxReasonLength} characters.");
        }

        errors.ThrowIfAny();
        return (transition!.To!.Value, string.IsNullOrEmpty(reason) ? null : reason, transition.EffectiveDate!.Value);
    }

    /// <summary>Throws a conflict unless the lifecycle allows the move, and a 422 listing unmet criteria for an exit that fails the standard.</summary>
    public static void EnsureAllowed(HouseholdRecord record, HouseholdStatus from, HouseholdStatus to, DateOnly date, PovertyLineOptions lines)
    {
        if (!Lifecycle.CanMove(from, to))
        {
            var allowed = Lifecycle.AllowedFrom(from);
            throw new DomainException(
                DomainErrorKind.Conflict,
                "household.illegal-transition",
                $"A household that is {Camel(from)} cannot become {Camel(to)}; allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(Camel)))}.");
        }

        if (!Lifecycle.RequiresExitStandard(to))
        {
            return;
        }

        var assessment = ExitStandard.Assess(record, date.Year, date, lines);
        if (!assessment.Meets)
        {
            throw new DomainException(
                DomainErrorKind.Unprocessable,
                "household.exit-standard-unmet",
                $"The household does not meet the exit standard for {date.Year}: {string.Join(", ", assessment.Unmet.Keys)}.",
                assessment.Unmet.ToDictionary(u => u.Key, u => new[] { u.Value }));
        }
    }

    /// <summary>Moves <paramref name="state"/> to the new status and returns what changed.</summary>
    public static IReadOnlyList<FieldChange> Apply(HouseholdState state, HouseholdStatus to, string? reason, DateOnly date)
    {
        var changes = new List<FieldChange>
        {
            new("status", Json(state.Status), Json(to)),
            new("statusReason", Json(state.StatusReason), Json(reason)),
            new("statusEffectiveDate", Json(state.StatusEffectiveDate), Json(date)),
        };
        state.Status = to;
        state.StatusReason = reason;
        state.StatusEffectiveDate = date;
        if (to == HouseholdStatus.Exited)
        {
            // Return-to-poverty monitoring compares later health with health at exit.
            state.IllAtExit = state.Record!.Members!
                .Where(m => m.Health is Health.SeriousIllness or Health.Disabled)
                .Select(m => m.IdNumber!)
                .ToList();
        }

        return changes;
    }

    private static string Camel(HouseholdStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string? Json<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value, PlatformJson.Options);
}
