using OrleansPlatform.Access;
using OrleansPlatform.Accounts;

namespace OrleansPlatform.Silo.Demo;

/// <summary>Creates the first system administrator of an installation, or gives an existing one a new password.</summary>
public static class AdminBootstrap
{
    /// <summary>Returns the generated password, to be shown once to the operator.</summary>
    public static async Task<string> RunAsync(IClusterClient client, string login)
    {
        AccountRules.ValidateLogin(login);
        var account = client.GetGrain<IAccountGrain>(GrainKeys.Account(login));
        var existing = await account.GetAsync();
        await account.UpsertAsync(new AccountInput
        {
            DisplayName = existing?.DisplayName ?? "System administrator",
            Role = Role.SystemAdmin,
            Enabled = true,
        });
        var password = PasswordPolicy.Generate();
        await account.SetPasswordAsync(password, currentPassword: null);
        return password;
    }
}
