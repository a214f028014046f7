using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansPlatform.Access;
using OrleansPlatform.Accounts;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>Sign-in over HTTP, token validation, lockout, disabling and revocation.</summary>
public class SignInTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string Village = "610204100201";
    private static int s_sequence;

    private readonly HttpClient _anonymous = factory.CreateClient();

    private static string NewLogin() => $"signin-{Interlocked.Increment(ref s_sequence)}-{Guid.NewGuid():N}"[..30];

    /// <summary>Creates an account through the API as an area administrator; returns its generated initial password.</summary>
    private async Task<string> CreateAsync(string login, string role = "viewer")
    {
        await factory.EnsureAreaChainAsync(Village);
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, "610204000000");
        var response = await admin.PutAsJsonAsync($"/api/v1/accounts/{login}", new { displayName = "Signer", role, areaCode = Village });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("initialPassword").GetString()!;
    }

    private Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        _anonymous.PostAsJsonAsync("/api/v1/auth/token", new { login, password });

    private async Task<string> TokenAsync(string login, string password)
    {
        var response = await SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 60, 3600);
        return body.GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await _anonymous.SendAsync(request)).StatusCode;
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

    private string Mint(string login, DateTime expires, string? key = null, string issuer = "orleans-platform", string stamp = "0")
    {
        var signing = new SymmetricSecurityKey(Convert.FromBase64String(key ?? factory.SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "orleans-platform",
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = login, ["stamp"] = stamp },
        });
    }

    [Fact]
    public async Task The_initial_password_signs_in_and_the_token_opens_the_api()
    {
        var login = NewLogin();
        var password = await CreateAsync(login);

        var token = await TokenAsync(login, password);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token + "x"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_are_the_same_401()
    {
        var login = NewLogin();
        await CreateAsync(login);

        var wrong = await SignInAsync(login, "Not-the-password-1");
        var unknown = await SignInAsync(NewLogin(), "Not-the-password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("auth.invalid-credentials", await CodeAsync(wrong));
        Assert.Equal("auth.invalid-credentials", await CodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, (await _anonymous.PostAsJsonAsync("/api/v1/auth/token", new { login })).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_until_an_admin_resets_it()
    {
        var login = NewLogin();
        var password = await CreateAsync(login);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(login, $"Wrong-password-{i}")).StatusCode);
        }

        var locked = await SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("account.locked", await CodeAsync(locked));

        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, "610204000000");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/accounts/{login}/password", new { newPassword = "Reset-by-admin-42" })).StatusCode);
        await TokenAsync(login, "Reset-by-admin-42");
    }

    [Fact]
    public async Task Disabling_an_account_stops_its_token_at_once_and_refuses_sign_in()
    {
        var login = NewLogin();
        var password = await CreateAsync(login);
        var token = await TokenAsync(login, password);
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, "610204000000");

        var disable = await admin.PutAsJsonAsync($"/api/v1/accounts/{login}", new { displayName = "Signer", role = "viewer", areaCode = Village, enabled = false });

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        var refused = await SignInAsync(login, password);
        Assert.Equal("account.disabled", await CodeAsync(refused));
    }

    [Fact]
    public async Task Changing_the_own_password_needs_the_current_one_meets_the_policy_and_revokes_old_tokens()
    {
        var login = NewLogin();
        var password = await CreateAsync(login);
        var token = await TokenAsync(login, password);
        var self = factory.CreateClient();
        self.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var wrongCurrent = await self.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "nope-Nope-123", newPassword = "Brand-new-pass-77" });
        var weak = await self.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "short" });
        var changed = await self.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "Brand-new-pass-77" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Contains("currentPassword", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("newPassword", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(login, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await TokenAsync(login, "Brand-new-pass-77")));
    }

    [Fact]
    public async Task Expired_forged_foreign_and_unsigned_tokens_are_refused()
    {
        var principal = await factory.EnsureAccountAsync("token-victim", Role.AreaAdmin, "610204000000");
        var stamp = principal.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var valid = Mint("token-victim", DateTime.UtcNow.AddMinutes(5), stamp: stamp);
        var expired = Mint("token-victim", DateTime.UtcNow.AddMinutes(-2), stamp: stamp);
        var forged = Mint("token-victim", DateTime.UtcNow.AddMinutes(5), key: Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), stamp: stamp);
        var foreignIssuer = Mint("token-victim", DateTime.UtcNow.AddMinutes(5), issuer: "someone-else", stamp: stamp);
        var staleStamp = Mint("token-victim", DateTime.UtcNow.AddMinutes(5), stamp: "999");
        var unsigned = Unsigned(valid);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(valid)); // the minting itself is right
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(expired));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(foreignIssuer));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(staleStamp));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(unsigned));
    }

    /// <summary>The same claims with header alg "none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{parts[1]}.";
    }
}
