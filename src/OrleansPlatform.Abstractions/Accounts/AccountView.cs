using OrleansPlatform.Access;

namespace OrleansPlatform.Accounts;

/// <summary>An account as administrators read it; never carries the password hash.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AccountView")]
public sealed record AccountView
{
    /// <summary>The login name.</summary>
    [Id(0)] public required string Login { get; init; }

    /// <summary>Name shown to other users.</summary>
    [Id(1)] public required string DisplayName { get; init; }

    /// <summary>The role.</summary>
    [Id(2)] public Role Role { get; init; }

    /// <summary>The area the account reaches, with everything below it; null for a system administrator of the whole platform.</summary>
    [Id(3)] public string? AreaCode { get; init; }

    /// <summary>The official this account belongs to.</summary>
    [Id(4)] public string? OfficialId { get; init; }

    /// <summary>The cooperative of a cooperative manager.</summary>
    [Id(5)] public string? CooperativeId { get; init; }

    /// <summary>False when disabled.</summary>
    [Id(6)] public bool Enabled { get; init; }

    /// <summary>Until when sign-in is refused after repeated failures, if locked now.</summary>
    [Id(7)] public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Incremented by every change; the ETag.</summary>
    [Id(8)] public int Version { get; init; }
}
