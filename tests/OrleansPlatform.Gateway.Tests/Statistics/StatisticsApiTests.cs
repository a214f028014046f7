using OrleansPlatform.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests.Statistics;

public class StatisticsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _http = factory.CreateClientAs(Role.SystemAdmin, null);

    private async Task PutAreaAsync(string code, long? ruralPopulation = null) =>
        (await _http.PutAsJsonAsync($"/api/v1/areas/{code}", new { name = $"Area {code}", ruralPopulation })).EnsureSuccessStatusCode();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Stats_roll_up_from_village_to_province_with_children_for_drill_down_and_a_clean_consistency_check()
    {
        foreach (var code in new[] { "660000000000", "660200000000", "660204000000", "660204101000" })
        {
            await PutAreaAsync(code);
        }

        await PutAreaAsync("660204101201", 1000);
        await PutAreaAsync("660204101202", 500);
        var record = Synthetic.Household("660204101201", 2000m) with { PrimaryCause = PovertyCause.Illness, OtherCauses = [] };
        var put = await _http.PutAsync("/api/v1/households/stats-api-1", new StringContent(JsonSerializer.Serialize(record, PlatformJson.Options), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var village = await GetJsonAsync("/api/v1/areas/660204101201/stats");
        Assert.Equal(1, village.GetProperty("poorHouseholds").GetInt32());
        Assert.Equal(2, village.GetProperty("poorPeople").GetInt32());
        Assert.Equal(0.002m, village.GetProperty("povertyIncidence").GetDecimal());
        Assert.True(village.GetProperty("exitEligible").GetBoolean());
        Assert.Equal(1, village.GetProperty("byPrimaryCause").GetProperty("illness").GetInt32());

        JsonElement province = default;
        for (var i = 0; i < 100; i++)
        {
            province = await GetJsonAsync("/api/v1/areas/660000000000/stats");
            if (province.GetProperty("poorPeople").GetInt32() == 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(2, province.GetProperty("poorPeople").GetInt32());
        Assert.Equal(1500, province.GetProperty("ruralPopulation").GetInt64());
        Assert.Equal(JsonValueKind.Null, province.GetProperty("exitEligible").ValueKind);
        Assert.Equal(2000m, province.GetProperty("averagePerCapitaIncome").GetDecimal());
        Assert.True(province.TryGetProperty("asOf", out _));

        var towns = await GetJsonAsync("/api/v1/areas/660204000000/stats/children");
        var town = Assert.Single(towns.EnumerateArray());
        Assert.Equal("660204101000", town.GetProperty("code").GetString());
        Assert.Equal(2, town.GetProperty("reportingChildren").GetInt32());
        Assert.Equal(2, (await GetJsonAsync("/api/v1/areas/660204101000/stats/children")).GetArrayLength());

        var check = await GetJsonAsync("/api/v1/admin/consistency/660000000000");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
    }

    [Fact]
    public async Task Stats_of_an_unknown_area_are_404_and_of_a_malformed_code_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/areas/670000000000/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/v1/areas/67/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/admin/consistency/670000000000")).StatusCode);
    }
}
