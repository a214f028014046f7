namespace OrleansPlatform.Gateway.Access;

/// <summary>Claim names of the gateway's own tokens.</summary>
public static class PlatformClaims
{
    /// <summary>The login.</summary>
    public const string Subject = "sub";

    /// <summary>The account's security stamp when the token was issued; a token with an old stamp is refused.</summary>
    public const string Stamp = "stamp";

    /// <summary>The role, for information; authorization always uses the account's current role.</summary>
    public const string Role = "role";
}
