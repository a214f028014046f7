namespace OrleansPlatform.Access;

/// <summary>The one table of which role holds which permission.</summary>
public static class Permissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.SystemAdmin] = [Permission.ReadRegistry, Permission.WriteHouseholds, Permission.Administer, Permission.ManageAccounts, Permission.ReadAudit],
        [Role.AreaAdmin] = [Permission.ReadRegistry, Permission.WriteHouseholds, Permission.Administer, Permission.ManageAccounts, Permission.PersonalData, Permission.ReadAudit],
        [Role.DataEntry] = [Permission.ReadRegistry, Permission.WriteHouseholds, Permission.PersonalData],
        [Role.Viewer] = [Permission.ReadRegistry],
        [Role.Auditor] = [Permission.ReadRegistry, Permission.ReadAudit],
        [Role.CooperativeManager] = [],
        [Role.StationOperator] = [],
    };

    /// <summary>True when <paramref name="role"/> holds <paramref name="permission"/>.</summary>
    public static bool Has(Role role, Permission permission) =>
        Table.TryGetValue(role, out var granted) && Array.IndexOf(granted, permission) >= 0;

    /// <summary>The roles holding <paramref name="permission"/>.</summary>
    public static IEnumerable<Role> RolesWith(Permission permission) =>
        Table.Where(entry => Array.IndexOf(entry.Value, permission) >= 0).Select(entry => entry.Key);
}
