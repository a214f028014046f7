using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansPlatform.Access;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>
/// A stand-in OpenID Connect issuer on loopback: its discovery document and signing key (RSA), and
/// tokens it signs. Only what the JwtBearer handler fetches.
/// </summary>
public sealed class FakeOpenIdIssuer : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-issuer-key" };

    public FakeOpenIdIssuer()
    {
        Url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        _app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Url,
            ["jwks_uri"] = Url + "/jwks",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        _app.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { new Dictionary<string, object> { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = jwk.Kid, ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E } },
        }));
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The issuer's base address (its Authority).</summary>
    public string Url { get; }

    /// <summary>A token for <paramref name="username"/> signed by this issuer, or by another key when <paramref name="foreignKey"/>.</summary>
    public string Token(string username, bool foreignKey = false) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Url,
        Audience = "orleans-platform",
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(foreignKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = _key.KeyId } : _key, SecurityAlgorithms.RsaSha256),
        Claims = new Dictionary<string, object> { ["preferred_username"] = username, ["sub"] = Guid.NewGuid().ToString() },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}

/// <summary>A gateway that trusts <see cref="FakeOpenIdIssuer"/> instead of issuing tokens itself.</summary>
public sealed class ExternalIssuerGatewayFactory : GatewayFactory
{
    /// <summary>The trusted issuer.</summary>
    public FakeOpenIdIssuer Issuer { get; } = new();

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Authority", Issuer.Url);
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public class ExternalIssuerTests(ExternalIssuerGatewayFactory factory) : IClassFixture<ExternalIssuerGatewayFactory>
{
    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await factory.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Tokens_of_the_configured_issuer_open_the_api_for_existing_enabled_accounts_only()
    {
        await factory.EnsureAccountAsync("oidc-clerk", Role.DataEntry, "610204100201");

        Assert.Equal(HttpStatusCode.OK, await MeAsync(factory.Issuer.Token("oidc-clerk")));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(factory.Issuer.Token("nobody-registered")));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(factory.Issuer.Token("oidc-clerk", foreignKey: true)));

        await factory.Cluster.GetGrain<OrleansPlatform.Accounts.IAccountGrain>(GrainKeys.Account("oidc-clerk"))
            .UpsertAsync(new OrleansPlatform.Accounts.AccountInput { DisplayName = "Test DataEntry", Role = Role.DataEntry, AreaCode = "610204100201", Enabled = false });
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(factory.Issuer.Token("oidc-clerk")));
    }

    [Fact]
    public async Task The_own_token_endpoint_is_off()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { login = "x-user", password = "Whatever-password-1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(factory.Issuer.Url, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
