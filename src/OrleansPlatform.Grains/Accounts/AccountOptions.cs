namespace OrleansPlatform.Accounts;

/// <summary>Sign-in settings (configuration section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    /// <summary>Consecutive wrong passwords that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
