using OrleansPlatform.Access;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests.Households;

public class HouseholdsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IAsyncLifetime
{
    private const string Village = "610204100201";
    private const string OtherVillage = "610204100202";
    private readonly HttpClient _http = factory.CreateClientAs(Role.AreaAdmin, "610000000000");

    public async Task InitializeAsync()
    {
        foreach (var (code, name) in new[]
        {
            ("610000000000", "Shaanxi"), ("610200000000", "Tongchuan"), ("610204000000", "Yaozhou"),
            ("610204100000", "Yaoqu"), (Village, "Hulu"), (OtherVillage, "Shuangqiao"),
        })
        {
            (await _http.PutAsJsonAsync($"/api/v1/areas/{code}", new { name })).EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId() => $"hh-{Guid.NewGuid():N}"[..24];

    private static JsonObject Body(HouseholdRecord record) => JsonSerializer.SerializeToNode(record, PlatformJson.Options)!.AsObject();

    private Task<HttpResponseMessage> PutAsync(string id, JsonNode body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/households/{id}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> TransitionAsync(string id, object body) => _http.PostAsJsonAsync($"/api/v1/households/{id}/transitions", body);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Put_registers_with_201_and_get_returns_the_record_with_etag_and_derived_fields()
    {
        var id = NewId();

        var created = await PutAsync(id, Body(Synthetic.Household(Village, perCapita2016: 2500m)));
        var read = await _http.GetAsync($"/api/v1/households/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/households/{id}", created.Headers.Location!.AbsolutePath);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        var view = await JsonAsync(read);
        Assert.Equal("registered", view.GetProperty("status").GetString());
        Assert.Equal(2500m, view.GetProperty("perCapitaNetIncome").GetDecimal());
        Assert.Equal(2952m, view.GetProperty("povertyLine").GetDecimal());
        Assert.True(view.GetProperty("guarantees").GetProperty("water").GetBoolean());
        Assert.False(view.GetProperty("meetsExitStandard").GetBoolean());
        Assert.Equal(["income"], view.GetProperty("unmetCriteria").EnumerateArray().Select(c => c.GetString()));
        Assert.False(view.GetProperty("atRisk").GetBoolean());
        Assert.Equal(1, view.GetProperty("version").GetInt32());
        Assert.Equal(Village, view.GetProperty("record").GetProperty("villageCode").GetString());
    }

    [Fact]
    public async Task Replacing_without_if_match_is_428_with_a_stale_etag_412_and_with_the_current_one_200()
    {
        var id = NewId();
        var body = Body(Synthetic.Household(Village));
        var created = await PutAsync(id, body);
        body["broadband"] = true;

        await ProblemAsync(await PutAsync(id, body), HttpStatusCode.PreconditionRequired);
        await ProblemAsync(await PutAsync(id, body, "\"7\""), HttpStatusCode.PreconditionFailed);
        var replaced = await PutAsync(id, body, created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag!.Tag);
        Assert.True((await JsonAsync(replaced)).GetProperty("record").GetProperty("broadband").GetBoolean());
    }

    [Fact]
    public async Task Every_validation_failure_is_reported_at_once_by_json_path_and_nothing_is_written()
    {
        var id = NewId();
        var record = Synthetic.Household(Village, 2000m, Synthetic.Member(Relation.Child, 8, inSchool: true));
        var body = Body(record);
        var members = body["members"]!.AsArray();
        var id2 = (string)members[2]!["idNumber"]!;
        members[2]!["idNumber"] = id2[..17] + (id2[17] == '1' ? "2" : "1");
        members[0]!["sex"] = "female";
        body.Remove("standard");

        var problem = await ProblemAsync(await PutAsync(id, body), HttpStatusCode.BadRequest);

        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["members[0].sex", "members[2].idNumber", "standard"], keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/households/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/people/{record.Members![0].IdNumber}")).StatusCode);
    }

    [Theory]
    [InlineData("standard", "\"imperial\"", "standard")]
    [InlineData("members", "\"everyone\"", "members")]
    [InlineData("safeDrinkingWater", "\"yes\"", "safeDrinkingWater")]
    public async Task Unknown_enum_values_and_wrong_types_are_400s_naming_the_path(string field, string json, string expectedKey)
    {
        var body = Body(Synthetic.Household(Village));
        body[field] = JsonNode.Parse(json);

        var problem = await ProblemAsync(await PutAsync(NewId(), body), HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(expectedKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_enum_value_inside_a_member_is_keyed_by_its_path()
    {
        var body = Body(Synthetic.Household(Village));
        body["members"]![1]!["health"] = "immortal";

        var problem = await ProblemAsync(await PutAsync(NewId(), body), HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name == "members[1].health");
    }

    [Fact]
    public async Task Malformed_json_is_400_and_a_body_over_256_kb_is_413()
    {
        var malformed = await _http.PutAsync($"/api/v1/households/{NewId()}", new StringContent("{\"villageCode\": ", Encoding.UTF8, "application/json"));
        var body = Body(Synthetic.Household(Village));
        body["phone"] = new string('1', 300 * 1024);
        var huge = await PutAsync(NewId(), body);

        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
        await ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_malformed_household_id_is_a_400_naming_householdId()
    {
        var problem = await ProblemAsync(await PutAsync("bad_id!", Body(Synthetic.Household(Village))), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("householdId", out _));
    }

    [Fact]
    public async Task A_person_already_registered_elsewhere_is_a_409_naming_that_household_and_can_be_looked_up()
    {
        var first = NewId();
        var record = Synthetic.Household(Village);
        await PutAsync(first, Body(record));
        var other = Synthetic.Household(OtherVillage) with { Members = [Synthetic.Member(Relation.Head, 50), record.Members![1]] };

        var problem = await ProblemAsync(await PutAsync(NewId(), Body(other)), HttpStatusCode.Conflict);
        var lookup = await JsonAsync(await _http.GetAsync($"/api/v1/people/{record.Members[1].IdNumber}"));

        Assert.Contains(first, problem.GetProperty("errors").GetProperty("members[1].idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(first, lookup.GetProperty("householdId").GetString());
    }

    [Fact]
    public async Task Looking_up_an_unknown_or_malformed_id_number_is_404_or_400()
    {
        var unknown = Synthetic.Member(Relation.Head, 33).IdNumber;

        await ProblemAsync(await _http.GetAsync($"/api/v1/people/{unknown}"), HttpStatusCode.NotFound);
        await ProblemAsync(await _http.GetAsync("/api/v1/people/610204198001010010"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Transitions_answer_422_with_unmet_criteria_409_when_illegal_400_without_a_removal_reason()
    {
        var id = NewId();
        await PutAsync(id, Body(Synthetic.Household(Village, 2000m) with { SafeDrinkingWater = false }));

        var unmet = await ProblemAsync(await TransitionAsync(id, new { to = "exitProposed", effectiveDate = "2016-12-01" }), HttpStatusCode.UnprocessableEntity);
        var illegal = await ProblemAsync(await TransitionAsync(id, new { to = "exited", effectiveDate = "2016-12-01" }), HttpStatusCode.Conflict);
        var noReason = await ProblemAsync(await TransitionAsync(id, new { to = "removed", effectiveDate = "2016-12-01" }), HttpStatusCode.BadRequest);
        var removed = await TransitionAsync(id, new { to = "removed", reason = "Duplicate registration", effectiveDate = "2016-12-01" });

        Assert.Equal(["income", "water"], unmet.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("household.illegal-transition", illegal.GetProperty("code").GetString());
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("removed", (await JsonAsync(removed)).GetProperty("status").GetString());
        Assert.Equal("\"2\"", removed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task History_is_paged_newest_first()
    {
        var id = NewId();
        var created = await PutAsync(id, Body(Synthetic.Household(Village, 3500m)));
        await TransitionAsync(id, new { to = "exitProposed", effectiveDate = "2016-12-01" });

        var page = await JsonAsync(await _http.GetAsync($"/api/v1/households/{id}/history?page=1&pageSize=1"));

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(2, entry.GetProperty("version").GetInt32());
        Assert.Equal("transition", entry.GetProperty("kind").GetString());
        Assert.Equal("t-areaadmin-610000000000", entry.GetProperty("actor").GetString());
        Assert.True(entry.TryGetProperty("at", out _));
        Assert.Contains(entry.GetProperty("changes").EnumerateArray(), c => c.GetProperty("path").GetString() == "status");
        await ProblemAsync(await _http.GetAsync($"/api/v1/households/{NewId()}/history"), HttpStatusCode.NotFound);
        await ProblemAsync(await _http.GetAsync($"/api/v1/households/{id}/history?pageSize=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_village_roster_lists_summary_rows_filtered_by_status_and_cause()
    {
        var village = "610204100203";
        (await _http.PutAsJsonAsync($"/api/v1/areas/{village}", new { name = "Roster village" })).EnsureSuccessStatusCode();
        var ill = NewId();
        var skills = NewId();
        await PutAsync(ill, Body(Synthetic.Household(village, 2000m) with { PrimaryCause = PovertyCause.Illness, OtherCauses = [] }));
        await PutAsync(skills, Body(Synthetic.Household(village, 3500m)));
        await TransitionAsync(skills, new { to = "exitProposed", effectiveDate = "2016-12-01" });

        var all = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{village}/households"));
        var byCause = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{village}/households?cause=illness"));
        var byStatus = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{village}/households?status=exitProposed&page=1&pageSize=10"));

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var row = Assert.Single(byCause.GetProperty("items").EnumerateArray());
        Assert.Equal(ill, row.GetProperty("householdId").GetString());
        Assert.Equal(2, row.GetProperty("members").GetInt32());
        Assert.Equal("illness", row.GetProperty("primaryCause").GetString());
        Assert.Equal(2000m, row.GetProperty("perCapitaNetIncome").GetDecimal());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("headName").GetString()));
        Assert.Equal(skills, Assert.Single(byStatus.GetProperty("items").EnumerateArray()).GetProperty("householdId").GetString());
        await ProblemAsync(await _http.GetAsync("/api/v1/areas/610204100000/households"), HttpStatusCode.BadRequest);
        await ProblemAsync(await _http.GetAsync("/api/v1/areas/610204100299/households"), HttpStatusCode.NotFound);
    }
}
