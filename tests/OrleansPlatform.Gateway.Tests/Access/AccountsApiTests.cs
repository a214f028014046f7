using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPlatform.Access;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>Managing accounts: who may create which account where, and clear errors for bad input.</summary>
public class AccountsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string County = "610204000000";
    private const string Village = "610204100201";

    private static string NewLogin() => $"acct-{Guid.NewGuid():N}"[..20];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task An_area_admin_creates_reads_and_updates_accounts_of_their_area_and_no_password_is_ever_returned_again()
    {
        await factory.EnsureAreaChainAsync(Village);
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, County);
        var login = NewLogin();

        var created = await admin.PutAsJsonAsync($"/api/v1/accounts/{login}", new { displayName = "Cadre", role = "dataEntry", areaCode = Village, officialId = "official-7" });
        var updated = await admin.PutAsJsonAsync($"/api/v1/accounts/{login}", new { displayName = "Cadre Li", role = "dataEntry", areaCode = Village });
        var read = await admin.GetAsync($"/api/v1/accounts/{login}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("initialPassword").GetString()!.Length >= 12);
        Assert.Equal("dataEntry", body.GetProperty("account").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var again = JsonDocument.Parse(await updated.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, again.GetProperty("initialPassword").ValueKind);
        var account = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Cadre Li", account.GetProperty("displayName").GetString());
        Assert.DoesNotContain("password", await read.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_area_admin_cannot_make_system_admins_nor_reach_accounts_or_areas_outside_their_area()
    {
        await factory.EnsureAreaChainAsync(Village);
        await factory.EnsureAreaChainAsync("610202000000");
        await factory.EnsureAccountAsync("acct-elsewhere", Role.Viewer, "610202000000");
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, County);

        var system = await admin.PutAsJsonAsync($"/api/v1/accounts/{NewLogin()}", new { displayName = "Root", role = "systemAdmin" });
        var outsideArea = await admin.PutAsJsonAsync($"/api/v1/accounts/{NewLogin()}", new { displayName = "X", role = "viewer", areaCode = "610202000000" });
        var outsideAccount = await admin.GetAsync("/api/v1/accounts/acct-elsewhere");
        var hijack = await admin.PutAsJsonAsync("/api/v1/accounts/acct-elsewhere", new { displayName = "Mine now", role = "viewer", areaCode = Village });

        await ProblemAsync(system, HttpStatusCode.Forbidden);
        Assert.Equal("areaCode", (await ProblemAsync(outsideArea, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Single().Name);
        await ProblemAsync(outsideAccount, HttpStatusCode.NotFound);
        await ProblemAsync(hijack, HttpStatusCode.NotFound);
        Assert.Equal("Test Viewer", (await factory.Cluster.GetGrain<OrleansPlatform.Accounts.IAccountGrain>(GrainKeys.Account("acct-elsewhere")).GetAsync())!.DisplayName);
    }

    [Theory]
    [InlineData("""{"role":"viewer","areaCode":"610204100201"}""", "displayName")]
    [InlineData("""{"displayName":"x","areaCode":"610204100201"}""", "role")]
    [InlineData("""{"displayName":"x","role":"viewer"}""", "areaCode")]
    [InlineData("""{"displayName":"x","role":"viewer","areaCode":"61"}""", "areaCode")]
    [InlineData("""{"displayName":"x","role":"areaAdmin","areaCode":"610204100201"}""", "areaCode")]
    [InlineData("""{"displayName":"x","role":"dataEntry","areaCode":"610204000000"}""", "areaCode")]
    [InlineData("""{"displayName":"x","role":"cooperativeManager","areaCode":"610204100201"}""", "cooperativeId")]
    [InlineData("""{"displayName":"x","role":"emperor","areaCode":"610204100201"}""", "role")]
    public async Task Bad_input_is_a_400_naming_the_field_and_creates_nothing(string json, string field)
    {
        await factory.EnsureAreaChainAsync(Village);
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, County);
        var login = NewLogin();

        var response = await admin.PutAsync($"/api/v1/accounts/{login}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name == field);
        await ProblemAsync(await admin.GetAsync($"/api/v1/accounts/{login}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_login_is_a_400_naming_login()
    {
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, County);

        var response = await admin.PutAsJsonAsync("/api/v1/accounts/Bad%20Login", new { displayName = "x", role = "viewer", areaCode = Village });

        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("login", out _));
    }
}
