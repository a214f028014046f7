namespace OrleansPlatform.Accounts;

/// <summary>
/// One user account, keyed by <c>GrainKeys.Account(login)</c>. Management calls check the caller in
/// the request context: an administrator reaches accounts of their own area and below only.
/// </summary>
[Alias("OrleansPlatform.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account (with a generated initial password, returned once) or changes it.
    /// Disabling or changing role or area invalidates its tokens at once.
    /// </summary>
    [Alias("Upsert")]
    Task<AccountWriteResult> UpsertAsync(AccountInput input);

    /// <summary>The account, or null when it does not exist or lies outside the caller's jurisdiction.</summary>
    [Alias("Get")]
    Task<AccountView?> GetAsync();

    /// <summary>Checks a password, counting failures towards lockout.</summary>
    [Alias("SignIn")]
    Task<SignInResult> SignInAsync(string password);

    /// <summary>
    /// Sets a new password that meets the policy. With <paramref name="currentPassword"/> the account
    /// changes its own; without it an administrator resets it. Either way existing tokens stop working.
    /// </summary>
    [Alias("SetPassword")]
    Task SetPasswordAsync(string newPassword, string? currentPassword);

    /// <summary>What a token of this account stands for now, or null when the account is gone or disabled.</summary>
    [Alias("Principal"), Orleans.Concurrency.AlwaysInterleave]
    Task<AccountPrincipal?> GetPrincipalAsync();
}
