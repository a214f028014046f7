using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansPlatform.Accounts;

namespace OrleansPlatform.Gateway.Access;

/// <summary>Issues the gateway's short-lived signed tokens (JWT, HMAC-SHA256).</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();
    private SigningCredentials? _credentials;

    /// <summary>A token for <paramref name="principal"/> and when it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(AccountPrincipal principal)
    {
        _credentials ??= new SigningCredentials(SigningKeys.From(options.Value), SecurityAlgorithms.HmacSha256);
        var now = clock.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = principal.Login,
                [PlatformClaims.Stamp] = principal.SecurityStamp,
                [PlatformClaims.Role] = principal.Role.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        return (token, expires);
    }
}
