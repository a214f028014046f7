using OrleansPlatform.Access;
using OrleansPlatform.Accounts;

namespace OrleansPlatform.Silo.Demo;

/// <summary>
/// One demo account per role over the demo areas. Every seed run gives each a fresh generated
/// password and returns them for printing: no password is fixed anywhere.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Login, role, area and display name of each demo account.</summary>
    public static IReadOnlyList<(string Login, Role Role, string? AreaCode, string DisplayName)> All { get; } =
    [
        ("demo-sysadmin", Role.SystemAdmin, null, "Demo system administrator"),
        ("demo-province-admin", Role.AreaAdmin, "610000000000", "Demo Shaanxi administrator"),
        ("demo-hulu-clerk", Role.DataEntry, "610204100201", "Demo Hulu Village clerk"),
        ("demo-yaozhou-viewer", Role.Viewer, "610204000000", "Demo Yaozhou viewer"),
        ("demo-tongchuan-auditor", Role.Auditor, "610200000000", "Demo Tongchuan auditor"),
        ("demo-coop-manager", Role.CooperativeManager, "610204100201", "Demo walnut cooperative manager"),
        ("demo-station-operator", Role.StationOperator, "610204100201", "Demo Hulu e-commerce station"),
    ];

    /// <summary>Creates the demo accounts that are missing and sets a new password on each; returns login and password pairs.</summary>
    public static async Task<IReadOnlyList<(string Login, Role Role, string Password)>> SeedAsync(IClusterClient client)
    {
        var result = new List<(string, Role, string)>();
        foreach (var (login, role, area, name) in All)
        {
            var account = client.GetGrain<IAccountGrain>(GrainKeys.Account(login));
            await account.UpsertAsync(new AccountInput
            {
                DisplayName = name,
                Role = role,
                AreaCode = area,
                CooperativeId = role == Role.CooperativeManager ? "hulu-walnut-cooperative" : null,
            });
            var password = PasswordPolicy.Generate();
            await account.SetPasswordAsync(password, currentPassword: null);
            result.Add((login, role, password));
        }

        return result;
    }
}
