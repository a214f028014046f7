using OrleansPlatform.Access;

namespace OrleansPlatform.Accounts;

/// <summary>What a valid token stands for now: the account's current role and area, and its security stamp.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AccountPrincipal")]
public sealed record AccountPrincipal(
    [property: Id(0)] string Login,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? AreaCode,
    [property: Id(3)] int SecurityStamp)
{
    /// <summary>The caller this principal acts as.</summary>
    public Caller ToCaller() => new(Login, Role, AreaCode);
}
