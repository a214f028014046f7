using OrleansPlatform.Access;

namespace OrleansPlatform.Accounts;

/// <summary>An account as an administrator writes it. Nullable fields without a default are required.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AccountInput")]
public sealed record AccountInput
{
    /// <summary>Name shown to other users, 1–100 characters.</summary>
    [Id(0)] public string? DisplayName { get; init; }

    /// <summary>The role.</summary>
    [Id(1)] public Role? Role { get; init; }

    /// <summary>The area the account works in; it reaches that area and everything below. Optional for a system administrator.</summary>
    [Id(2)] public string? AreaCode { get; init; }

    /// <summary>The official (cadre) this account belongs to; optional.</summary>
    [Id(3)] public string? OfficialId { get; init; }

    /// <summary>The cooperative a cooperative manager manages; required for that role only.</summary>
    [Id(4)] public string? CooperativeId { get; init; }

    /// <summary>False disables the account: its tokens stop working at once. Default true.</summary>
    [Id(5)] public bool? Enabled { get; init; }
}
