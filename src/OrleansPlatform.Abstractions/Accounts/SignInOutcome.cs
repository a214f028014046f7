namespace OrleansPlatform.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>Password right; a token may be issued.</summary>
    Succeeded = 1,

    /// <summary>No such account, no password set, or a wrong password (not told apart).</summary>
    Invalid = 2,

    /// <summary>Too many failures; refused until the lockout ends, even with the right password.</summary>
    LockedOut = 3,

    /// <summary>The account is disabled.</summary>
    Disabled = 4,
}
