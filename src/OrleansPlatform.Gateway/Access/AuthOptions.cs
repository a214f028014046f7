namespace OrleansPlatform.Gateway.Access;

/// <summary>Token settings (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC key that signs and checks the gateway's own tokens: base64 of at least 32 random bytes
    /// (or a text of at least 32 characters). From the environment or a secret store, never from git.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Issuer written into and required of the gateway's own tokens.</summary>
    public string Issuer { get; set; } = "orleans-platform";

    /// <summary>Audience written into and required of tokens.</summary>
    public string Audience { get; set; } = "orleans-platform";

    /// <summary>How long an issued token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tolerated clock difference when checking expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An external OpenID Connect issuer to trust instead of the gateway's own tokens (its discovery
    /// document and signing keys are fetched from there). The token endpoint is then switched off.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The claim of an external token holding the platform login of the account it stands for.</summary>
    public string ExternalLoginClaim { get; set; } = "preferred_username";

    /// <summary>Require HTTPS for the external issuer's metadata (turn off only for local testing).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when tokens come from an external issuer.</summary>
    public bool UsesExternalIssuer => !string.IsNullOrWhiteSpace(Authority);
}
