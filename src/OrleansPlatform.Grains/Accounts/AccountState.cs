using OrleansPlatform.Access;

namespace OrleansPlatform.Accounts;

/// <summary>Persisted state of an account grain.</summary>
[GenerateSerializer, Alias("OrleansPlatform.AccountState")]
public sealed class AccountState
{
    /// <summary>Name shown to other users; null until the account is created.</summary>
    [Id(0)] public string? DisplayName { get; set; }

    /// <summary>The role.</summary>
    [Id(1)] public Role Role { get; set; }

    /// <summary>The area reached, with everything below it.</summary>
    [Id(2)] public string? AreaCode { get; set; }

    /// <summary>The official this account belongs to.</summary>
    [Id(3)] public string? OfficialId { get; set; }

    /// <summary>The cooperative of a cooperative manager.</summary>
    [Id(4)] public string? CooperativeId { get; set; }

    /// <summary>False when disabled.</summary>
    [Id(5)] public bool Enabled { get; set; }

    /// <summary>The password as a salted slow hash (ASP.NET Core Identity's format).</summary>
    [Id(6)] public string? PasswordHash { get; set; }

    /// <summary>Consecutive failed sign-ins since the last success or lockout.</summary>
    [Id(7)] public int FailedAttempts { get; set; }

    /// <summary>Sign-in is refused until then.</summary>
    [Id(8)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes whenever existing tokens must stop working (password, role, area, disabling).</summary>
    [Id(9)] public int SecurityStamp { get; set; }

    /// <summary>Incremented by every change of the account's attributes.</summary>
    [Id(10)] public int Version { get; set; }
}
