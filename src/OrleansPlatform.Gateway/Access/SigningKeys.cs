using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OrleansPlatform.Gateway.Access;

/// <summary>Turns the configured signing key into a security key, refusing weak ones.</summary>
public static class SigningKeys
{
    /// <summary>Fewest key bytes accepted (HMAC-SHA256 wants at least 256 bits).</summary>
    public const int MinBytes = 32;

    /// <summary>The key, or an exception that says how to configure one.</summary>
    public static SymmetricSecurityKey From(AuthOptions options)
    {
        var text = options.SigningKey;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                "No token signing key is configured: set Auth:SigningKey (environment variable Auth__SigningKey) to base64 of at least " +
                $"{MinBytes} random bytes, e.g. the output of `openssl rand -base64 48`, or set Auth:Authority to trust an external OpenID Connect issuer.");
        }

        var bytes = TryBase64(text) ?? Encoding.UTF8.GetBytes(text);
        if (bytes.Length < MinBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey is too short: {bytes.Length} bytes, at least {MinBytes} are needed.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "platform" };
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= MinBytes ? buffer[..written] : null;
    }
}
