using OrleansPlatform.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansPlatform.Gateway.Tests.Areas;

public class AreasApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static int s_province = 10;

    private readonly HttpClient _http = factory.CreateClientAs(Role.SystemAdmin, null);

    private static string NewProvince() => $"{Interlocked.Increment(ref s_province)}0000000000";

    private Task<HttpResponseMessage> PutAsync(string code, object body) => _http.PutAsJsonAsync($"/api/v1/areas/{code}", body);

    private Task<HttpResponseMessage> PutRawAsync(string code, string json) =>
        _http.PutAsync($"/api/v1/areas/{code}", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Put_creates_with_201_and_location_then_updates_with_200()
    {
        var code = NewProvince();

        var created = await PutAsync(code, new { name = "Shaanxi" });
        var updated = await PutAsync(code, new { name = "Shaanxi Province" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/areas/{code}", created.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Shaanxi Province", (await JsonAsync(updated)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_returns_code_name_level_parent_children_and_population()
    {
        var province = NewProvince();
        var p = province[..2];
        await PutAsync(province, new { name = "Shaanxi" });
        await PutAsync($"{p}0200000000", new { name = "Tongchuan" });
        await PutAsync($"{p}0204000000", new { name = "Yaozhou District" });
        await PutAsync($"{p}0204100000", new { name = "Yaoqu Town" });
        await PutAsync($"{p}0204100201", new { name = "Hulu Village", ruralPopulation = 1834 });

        var village = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{p}0204100201"));
        var town = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{p}0204100000"));
        var root = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{province}"));

        Assert.Equal($"{p}0204100201", village.GetProperty("code").GetString());
        Assert.Equal("Hulu Village", village.GetProperty("name").GetString());
        Assert.Equal("village", village.GetProperty("level").GetString());
        Assert.Equal($"{p}0204100000", village.GetProperty("parentCode").GetString());
        Assert.Equal(0, village.GetProperty("children").GetArrayLength());
        Assert.Equal(1834, village.GetProperty("ruralPopulation").GetInt64());
        Assert.Equal("town", town.GetProperty("level").GetString());
        Assert.Equal([$"{p}0204100201"], town.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("province", root.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parentCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ruralPopulation").ValueKind);
    }

    [Theory]
    [InlineData("61020410020")]
    [InlineData("61020410020x")]
    [InlineData("006204100201")]
    public async Task A_malformed_code_is_a_400_naming_code(string code)
    {
        var response = await PutAsync(code, new { name = "x" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "code");
        await AssertProblemAsync(await _http.GetAsync($"/api/v1/areas/{code}"), HttpStatusCode.BadRequest, "code");
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":"ok","ruralPopulation":-1}""", "ruralPopulation")]
    public async Task Invalid_fields_are_a_400_naming_the_field_and_nothing_is_created(string body, string field)
    {
        var code = NewProvince();

        var response = await PutRawAsync(code, body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/areas/{code}")).StatusCode);
    }

    [Fact]
    public async Task An_overlong_name_is_a_400_naming_name()
    {
        var response = await PutAsync(NewProvince(), new { name = new string('长', 101) });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("""{"name": "x", """)]
    [InlineData("""{"name": "x", "ruralPopulation": "many"}""")]
    [InlineData("""{"name": 5}""")]
    public async Task Malformed_json_or_wrong_types_are_a_400_problem(string body)
    {
        var response = await PutRawAsync(NewProvince(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(response)).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_that_field()
    {
        var response = await PutRawAsync(NewProvince(), """{"name": "x", "ruralPopulation": "many"}""");

        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Contains("ruralPopulation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_parent_is_a_422_naming_parentCode_and_nothing_is_created()
    {
        var province = NewProvince();
        var village = province[..2] + "0204100201";

        var response = await PutAsync(village, new { name = "Orphan" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "parentCode");
        Assert.Equal("area.parent-missing", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/areas/{village}")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_area_is_a_404_problem()
    {
        var response = await _http.GetAsync($"/api/v1/areas/{NewProvince()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await JsonAsync(response)).GetProperty("status").GetInt32());
    }

    private Task<HttpResponseMessage> PutManyAsync(params object[] areas) => _http.PutAsJsonAsync("/api/v1/areas", new { areas });

    [Fact]
    public async Task A_batch_creates_children_after_their_parents_whatever_the_order_and_sending_it_again_changes_nothing()
    {
        var p = NewProvince()[..2];
        object[] chain =
        [
            new { code = $"{p}0204100201", name = "Hulu Village", ruralPopulation = 1834 },
            new { code = $"{p}0204100000", name = "Yaoqu Town" },
            new { code = $"{p}0204000000", name = "Yaozhou District" },
            new { code = $"{p}0200000000", name = "Tongchuan" },
            new { code = $"{p}0000000000", name = "Shaanxi" },
        ];

        var first = await PutManyAsync(chain);
        var again = await PutManyAsync(chain);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await JsonAsync(first);
        Assert.Equal(5, result.GetProperty("created").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        var repeated = await JsonAsync(again);
        Assert.Equal(0, repeated.GetProperty("created").GetInt32());
        Assert.Equal(5, repeated.GetProperty("updated").GetInt32());
        var village = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{p}0204100201"));
        Assert.Equal($"{p}0204100000", village.GetProperty("parentCode").GetString());
        Assert.Equal(1834, village.GetProperty("ruralPopulation").GetInt64());
        var town = await JsonAsync(await _http.GetAsync($"/api/v1/areas/{p}0204100000"));
        Assert.Equal($"{p}0204100201", Assert.Single(town.GetProperty("children").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_batch_with_bad_areas_is_a_400_naming_each_one_and_writes_none_of_it()
    {
        var province = NewProvince();
        var p = province[..2];

        var response = await PutManyAsync(
            new { code = province, name = "Shaanxi" },
            new { code = "6102", name = "Short code" },
            new { code = $"{p}0200000000", name = "" },
            new { code = province, name = "Shaanxi again" },
            new { code = $"{p}0300000000", name = "Baoji", ruralPopulation = -1 });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "areas[1].code");
        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["areas[1].code", "areas[2].name", "areas[3].code", "areas[4].ruralPopulation"], keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/areas/{province}")).StatusCode);
    }

    [Fact]
    public async Task A_batch_with_an_area_whose_parent_is_nowhere_is_a_422_and_writes_none_of_it()
    {
        var province = NewProvince();
        var p = province[..2];

        var response = await PutManyAsync(
            new { code = province, name = "Shaanxi" },
            new { code = $"{p}0204100201", name = "Orphan Village" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "areas[1].parentCode");
        Assert.Equal("area.parent-missing", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/areas/{province}")).StatusCode);
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_is_a_400_naming_areas()
    {
        var province = NewProvince();
        var tooMany = Enumerable.Range(1, 1001).Select(i => (object)new { code = $"{province[..2]}{i:D2}00000000"[..12], name = $"City {i}" }).ToArray();

        await AssertProblemAsync(await PutManyAsync(), HttpStatusCode.BadRequest, "areas");
        await AssertProblemAsync(await PutManyAsync(tooMany), HttpStatusCode.BadRequest, "areas");
    }

    [Fact]
    public async Task A_batch_reaching_outside_the_callers_jurisdiction_is_refused_and_a_viewer_may_not_send_one()
    {
        var province = NewProvince();
        var p = province[..2];
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(province, new { name = "Shaanxi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync($"{p}0200000000", new { name = "Tongchuan" })).StatusCode);
        var cityAdmin = await factory.CreateClientAsAsync(Role.AreaAdmin, $"{p}0200000000");
        var viewer = await factory.CreateClientAsAsync(Role.Viewer, province);

        var outside = await cityAdmin.PutAsJsonAsync("/api/v1/areas", new
        {
            areas = new object[] { new { code = $"{p}0204000000", name = "Yaozhou District" }, new { code = $"{p}0300000000", name = "Baoji" } },
        });
        var forbidden = await viewer.PutAsJsonAsync("/api/v1/areas", new { areas = new object[] { new { code = $"{p}0204000000", name = "Yaozhou District" } } });

        await AssertProblemAsync(outside, HttpStatusCode.NotFound, "areas[1].code"); // as for a single area outside it
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/v1/areas/{p}0204000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.True(
            errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)),
            $"errors should name {field}: {errors}");
        return problem;
    }
}
