namespace OrleansPlatform.Households;

/// <summary>Which status changes are allowed, and which of them need the exit standard to hold.</summary>
public static class Lifecycle
{
    private static readonly Dictionary<HouseholdStatus, HouseholdStatus[]> Allowed = new()
    {
        [HouseholdStatus.Registered] = [HouseholdStatus.ExitProposed, HouseholdStatus.Removed],
        [HouseholdStatus.ExitProposed] = [HouseholdStatus.Exited, HouseholdStatus.Registered, HouseholdStatus.Removed],
        [HouseholdStatus.Exited] = [HouseholdStatus.ReturnedToPoverty, HouseholdStatus.Removed],
        [HouseholdStatus.ReturnedToPoverty] = [HouseholdStatus.ExitProposed, HouseholdStatus.Removed],
        [HouseholdStatus.Removed] = [],
    };

    /// <summary>The statuses reachable from <paramref name="from"/>.</summary>
    public static IReadOnlyList<HouseholdStatus> AllowedFrom(HouseholdStatus from) => Allowed[from];

    /// <summary>True when moving from <paramref name="from"/> to <paramref name="to"/> is allowed.</summary>
    public static bool CanMove(HouseholdStatus from, HouseholdStatus to) => Allowed[from].Contains(to);

    /// <summary>True for proposing or approving an exit: both require the exit standard.</summary>
    public static bool RequiresExitStandard(HouseholdStatus to) => to is HouseholdStatus.ExitProposed or HouseholdStatus.Exited;

    /// <summary>Poor means registered, exit proposed, or returned to poverty.</summary>
    public static bool IsPoor(HouseholdStatus status) =>
        status is HouseholdStatus.Registered or HouseholdStatus.ExitProposed or HouseholdStatus.ReturnedToPoverty;
}
