using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Accounts;

/// <summary>
/// One account: attributes, password hash and lockout in one state row. Password hashing is slow by
/// design (PBKDF2), so it runs on the thread pool rather than on the grain's scheduler.
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", PlatformStorage.Name)] IPersistentState<AccountState> state,
    IOptions<AccountOptions> options,
    TimeProvider clock)
    : Grain, IAccountGrain
{
    private static readonly PasswordHasher<AccountState> Hasher = new();

    // The hasher ignores the user object; a shared one keeps grain state out of thread-pool work.
    private static readonly AccountState AnyUser = new();

    // Verified when the account does not exist, so that a missing login costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(AnyUser, PasswordPolicy.Generate()));

    private string Login => GrainKeys.LoginOf(this.GetPrimaryKeyString());

    private bool Exists => state.State.DisplayName is not null;

    /// <inheritdoc/>
    public async Task<AccountWriteResult> UpsertAsync(AccountInput input)
    {
        AccountRules.ValidateLogin(Login);
        var (role, area) = AccountRules.Validate(input);
        AccountRules.AuthorizeChange(CallerContext.Current, Login, Exists ? state.State : null, role, area);
        if (area is not null && !await GrainFactory.GetGrain<IAreaGrain>(area).ExistsAsync())
        {
            throw AccountRules.AreaMissing(area);
        }

        var created = !Exists;
        var enabled = input.Enabled ?? true;
        var s = state.State;
        var displayName = input.DisplayName!.Trim();
        if (!created && s.DisplayName == displayName && s.Role == role && s.AreaCode == area
            && s.OfficialId == input.OfficialId && s.CooperativeId == input.CooperativeId && s.Enabled == enabled)
        {
            return new AccountWriteResult(false, View(), null);
        }

        var revokesTokens = !created && (s.Role != role || s.AreaCode != area || (s.Enabled && !enabled));
        string? initialPassword = null;
        if (created)
        {
            initialPassword = PasswordPolicy.Generate();
            s.PasswordHash = await HashAsync(initialPassword);
        }

        s.DisplayName = displayName;
        s.Role = role;
        s.AreaCode = area;
        s.OfficialId = input.OfficialId;
        s.CooperativeId = input.CooperativeId;
        s.Enabled = enabled;
        s.Version++;
        if (revokesTokens)
        {
            s.SecurityStamp++;
        }

        await WriteAsync();
        return new AccountWriteResult(created, View(), initialPassword);
    }

    /// <inheritdoc/>
    public Task<AccountView?> GetAsync() =>
        Task.FromResult(Exists && CallerContext.Reaches(state.State.AreaCode) ? View() : null);

    /// <inheritdoc/>
    public async Task<SignInResult> SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        var s = state.State;
        if (!Exists || s.PasswordHash is null)
        {
            await VerifyAsync(DummyHash.Value, password);
            return new SignInResult(SignInOutcome.Invalid, null, null);
        }

        if (s.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }

        var verdict = await VerifyAsync(s.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            s.FailedAttempts++;
            var locked = s.FailedAttempts >= options.Value.MaxFailedAttempts;
            if (locked)
            {
                s.LockedUntil = now + options.Value.LockoutDuration;
                s.FailedAttempts = 0;
            }

            await WriteAsync();
            return locked
                ? new SignInResult(SignInOutcome.LockedOut, null, s.LockedUntil)
                : new SignInResult(SignInOutcome.Invalid, null, null);
        }

        if (!s.Enabled)
        {
            return new SignInResult(SignInOutcome.Disabled, null, null);
        }

        if (s.FailedAttempts > 0 || s.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            s.FailedAttempts = 0;
            s.LockedUntil = null;
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                s.PasswordHash = await HashAsync(password);
            }

            await WriteAsync();
        }

        return new SignInResult(SignInOutcome.Succeeded, Principal(), null);
    }

    /// <inheritdoc/>
    public async Task SetPasswordAsync(string newPassword, string? currentPassword)
    {
        var caller = CallerContext.Current;
        if (!Exists)
        {
            throw AccountRules.NotFound(Login);
        }

        if (currentPassword is not null)
        {
            if (caller is not null && caller.Login != Login)
            {
                throw new DomainException(DomainErrorKind.Forbidden, "account.not-own", "Only the account itself can change its password with the current one.");
            }

            if (state.State.PasswordHash is null || await VerifyAsync(state.State.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                throw DomainException.Invalid("currentPassword", "The current password is wrong.");
            }
        }
        else if (caller is not null)
        {
            CallerContext.Require(Permission.ManageAccounts);
            if (!caller.Reaches(state.State.AreaCode))
            {
                throw AccountRules.NotFound(Login);
            }
        }

        PasswordPolicy.Check(Login, newPassword, "newPassword");
        state.State.PasswordHash = await HashAsync(newPassword);
        state.State.FailedAttempts = 0;
        state.State.LockedUntil = null;
        state.State.SecurityStamp++;
        await WriteAsync();
    }

    /// <inheritdoc/>
    public Task<AccountPrincipal?> GetPrincipalAsync() =>
        Task.FromResult(Exists && state.State.Enabled ? Principal() : null);

    private AccountPrincipal Principal() => new(Login, state.State.Role, state.State.AreaCode, state.State.SecurityStamp);

    private AccountView View() => new()
    {
        Login = Login,
        DisplayName = state.State.DisplayName!,
        Role = state.State.Role,
        AreaCode = state.State.AreaCode,
        OfficialId = state.State.OfficialId,
        CooperativeId = state.State.CooperativeId,
        Enabled = state.State.Enabled,
        LockedUntil = state.State.LockedUntil > clock.GetUtcNow() ? state.State.LockedUntil : null,
        Version = state.State.Version,
    };

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync(); // never keep in memory what is not stored
            throw;
        }
    }

    private static Task<string> HashAsync(string password) => Task.Run(() => Hasher.HashPassword(AnyUser, password));

    private static Task<PasswordVerificationResult> VerifyAsync(string hash, string password) =>
        Task.Run(() => Hasher.VerifyHashedPassword(AnyUser, hash, password));
}
