using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrleansPlatform.Access;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests.Access;

/// <summary>Masking of ID numbers and phones per role, and the audit trail of a day's work.</summary>
public class PersonalDataAndAuditTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string County = "610204000000";
    private const string Village = "610204100201";
    private const string OtherCounty = "610202000000";
    private const string Phone = "100-0000-1234";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<(string Id, HouseholdRecord Record)> RegisterAsync(HttpClient clerk)
    {
        var id = $"pd-{Guid.NewGuid():N}"[..20];
        var record = Synthetic.Household(Village) with { Phone = Phone };
        var response = await clerk.PutAsync($"/api/v1/households/{id}", JsonContent.Create(record, options: PlatformJson.Options));
        await JsonAsync(response);
        return (id, record);
    }

    [Theory]
    [InlineData(Role.DataEntry, Village, false)]
    [InlineData(Role.AreaAdmin, County, false)]
    [InlineData(Role.Viewer, County, true)]
    [InlineData(Role.Auditor, County, true)]
    [InlineData(Role.SystemAdmin, null, true)]
    public async Task Id_numbers_and_phones_are_masked_for_roles_without_the_personal_data_permission(Role role, string? area, bool masked)
    {
        await factory.EnsureAreaChainAsync(Village);
        var (id, record) = await RegisterAsync(await factory.CreateClientAsAsync(Role.DataEntry, Village));
        var reader = await factory.CreateClientAsAsync(role, area);
        var idNumber = record.Members![0].IdNumber!;

        var household = await JsonAsync(await reader.GetAsync($"/api/v1/households/{id}"));
        var history = (await JsonAsync(await reader.GetAsync($"/api/v1/households/{id}/history"))).GetRawText();

        var shownId = household.GetProperty("record").GetProperty("members")[0].GetProperty("idNumber").GetString();
        var shownPhone = household.GetProperty("record").GetProperty("phone").GetString();
        if (masked)
        {
            Assert.Equal($"{idNumber[..4]}**********{idNumber[^4..]}", shownId);
            Assert.Equal("100******1234", shownPhone);
            Assert.DoesNotContain(idNumber, history, StringComparison.Ordinal);
            Assert.Contains(idNumber[..4] + "**********", history, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(idNumber, shownId);
            Assert.Equal(Phone, shownPhone);
            Assert.Contains(idNumber, history, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_lookup_by_id_number_needs_the_personal_data_permission_and_the_jurisdiction()
    {
        await factory.EnsureAreaChainAsync(Village);
        var (id, record) = await RegisterAsync(await factory.CreateClientAsAsync(Role.DataEntry, Village));
        var idNumber = record.Members![0].IdNumber!;

        var clerk = await (await factory.CreateClientAsAsync(Role.DataEntry, Village)).GetAsync($"/api/v1/people/{idNumber}");
        var viewer = await (await factory.CreateClientAsAsync(Role.Viewer, County)).GetAsync($"/api/v1/people/{idNumber}");
        var otherAdmin = await (await factory.CreateClientAsAsync(Role.AreaAdmin, OtherCounty)).GetAsync($"/api/v1/people/{idNumber}");

        Assert.Equal(id, (await JsonAsync(clerk)).GetProperty("householdId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAdmin.StatusCode);
    }

    [Fact]
    public async Task Every_write_and_every_unmasked_read_of_a_scenario_is_in_the_audit_log_which_the_application_cannot_change()
    {
        await factory.EnsureAreaChainAsync(Village);
        await factory.EnsureAreaChainAsync(OtherCounty);
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, County);
        var clerkLogin = $"audit-clerk-{Guid.NewGuid():N}"[..24];
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);

        // The scenario: an administrator creates a clerk and a village; the clerk registers, corrects and proposes the exit of a household and reads it.
        var createdClerk = await admin.PutAsJsonAsync($"/api/v1/accounts/{clerkLogin}", new { displayName = "Clerk", role = "dataEntry", areaCode = Village });
        var password = (await JsonAsync(createdClerk)).GetProperty("initialPassword").GetString()!;
        await JsonAsync(await admin.PutAsJsonAsync("/api/v1/areas/610204100202", new { name = "Shuangqiao", ruralPopulation = 900 }));
        var token = (await JsonAsync(await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { login = clerkLogin, password }))).GetProperty("accessToken").GetString();
        var clerk = factory.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var (id, record) = await RegisterAsync(clerk);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/households/{id}") { Content = JsonContent.Create(record with { Broadband = true }, options: PlatformJson.Options) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await JsonAsync(await clerk.SendAsync(put));
        await clerk.PostAsJsonAsync($"/api/v1/households/{id}/transitions", new { to = "removed", reason = "Duplicate registration", effectiveDate = "2016-12-01" });
        await JsonAsync(await clerk.GetAsync($"/api/v1/households/{id}"));

        var auditor = await factory.CreateClientAsAsync(Role.Auditor, County);
        var page = await JsonAsync(await auditor.GetAsync($"/api/v1/audit?areaCode={County}&from={Uri.EscapeDataString(started.ToString("O"))}&pageSize=200"));
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        string Row(JsonElement r) => $"{r.GetProperty("actor").GetString()} {r.GetProperty("action").GetString()} {r.GetProperty("objectType").GetString()}:{r.GetProperty("objectId").GetString()} {r.GetProperty("status").GetInt32()}";
        var lines = rows.Select(Row).ToList();

        Assert.Contains($"t-areaadmin-{County} PUT api/v1/accounts/{{login}} account:{clerkLogin} 201", lines);
        Assert.Contains($"t-areaadmin-{County} PUT api/v1/areas/{{code}} area:610204100202 201", lines);
        Assert.Contains($"{clerkLogin} POST api/v1/auth/token account:{clerkLogin} 200", lines);
        Assert.Contains($"{clerkLogin} PUT api/v1/households/{{householdId}} household:{id} 201", lines);
        Assert.Contains($"{clerkLogin} PUT api/v1/households/{{householdId}} household:{id} 200", lines);
        Assert.Contains($"{clerkLogin} POST api/v1/households/{{householdId}}/transitions household:{id} 200", lines);
        Assert.Contains($"{clerkLogin} GET api/v1/households/{{householdId}} household:{id} 200", lines);
        Assert.All(rows, r => Assert.StartsWith("610204", r.GetProperty("areaCode").GetString() ?? "610204", StringComparison.Ordinal));
        Assert.DoesNotContain(record.Members![0].IdNumber!, page.GetRawText(), StringComparison.Ordinal);

        // Filters: by actor; and an auditor of another county sees none of it and cannot ask for this county.
        var byClerk = await JsonAsync(await auditor.GetAsync($"/api/v1/audit?actor={clerkLogin}"));
        Assert.All(byClerk.GetProperty("items").EnumerateArray(), r => Assert.Equal(clerkLogin, r.GetProperty("actor").GetString()));
        Assert.Equal(5, byClerk.GetProperty("total").GetInt32());
        var otherAuditor = await factory.CreateClientAsAsync(Role.Auditor, OtherCounty);
        var theirs = await JsonAsync(await otherAuditor.GetAsync($"/api/v1/audit?actor={clerkLogin}"));
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await otherAuditor.GetAsync($"/api/v1/audit?areaCode={County}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/audit?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z")).StatusCode);

        // The table is append-only even for the application's own database role.
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE platform_audit SET actor = 'someone-else'", "DELETE FROM platform_audit", "TRUNCATE platform_audit" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
    }
}
