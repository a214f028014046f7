using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansPlatform.Access;
using OrleansPlatform.Households;
using OrleansPlatform.Imports;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests.Imports;

/// <summary>CSV import as a background job with progress and a report, idempotent re-import, and CSV export.</summary>
public class ImportExportTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const string County = "610204000000";
    private const string Village = "610204100201";
    private const string OtherVillage = "610204100202";
    private const string OutsideVillage = "610202100201";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static StringContent CsvContent(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> ImportAndWaitAsync(HttpClient client, string csv)
    {
        var accepted = await client.PostAsync("/api/v1/imports", CsvContent(csv));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!;
        for (var i = 0; i < 600; i++)
        {
            var job = await JsonAsync(await client.GetAsync(location));
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish within a minute.");
    }

    private static string Prefix() => $"imp{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task An_import_writes_accepted_households_reports_each_rejected_row_and_a_second_run_changes_nothing()
    {
        await factory.EnsureAreaChainAsync(Village);
        await factory.EnsureAreaChainAsync(OtherVillage);
        await factory.EnsureAreaChainAsync(OutsideVillage);
        var importer = await factory.CreateClientAsAsync(Role.AreaAdmin, County);
        var p = Prefix();
        var good = new[] { ($"{p}-a", Synthetic.Household(Village)), ($"{p}-b", Synthetic.Household(Village)), ($"{p}-c", Synthetic.Household(OtherVillage) with { Phone = "100 0000 5678" }) };
        var badCause = ($"{p}-d", Synthetic.Household(Village));
        var badId = Synthetic.Household(Village);
        var members = badId.Members!.ToArray();
        members[1] = members[1] with { IdNumber = members[1].IdNumber![..17] + (members[1].IdNumber![17] == '0' ? '1' : '0') };
        var outside = ($"{p}-f", Synthetic.Household(OutsideVillage));
        // household g lists a person of household a (written before it in the same batch): g is refused, on that member's line 15
        var taken = ($"{p}-g", Synthetic.Household(Village) with { Members = [Synthetic.Member(Relation.Head, 50), good[0].Item2.Members![1]] });
        var writer = new StringWriter();
        HouseholdCsv.Write(writer, [.. good, badCause, ($"{p}-e", badId with { Members = members }), outside, taken]);
        // household d: an unknown cause on its rows (lines 8 and 9; line 1 is the header, each household has two members)
        var csv = writer.ToString().Replace($"{p}-d,{Village},national,ordinary,lackOfSkills", $"{p}-d,{Village},national,ordinary,laziness", StringComparison.Ordinal);

        var job = await ImportAndWaitAsync(importer, csv);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(14, job.GetProperty("rowsTotal").GetInt64());
        Assert.Equal(14, job.GetProperty("rowsDone").GetInt64());
        Assert.Equal(3, job.GetProperty("created").GetInt32());
        Assert.Equal(4, job.GetProperty("rejected").GetInt32());
        var rejections = job.GetProperty("firstRejections").EnumerateArray()
            .Select(r => (Line: r.GetProperty("line").GetInt64(), Id: r.GetProperty("householdId").GetString(), Field: r.GetProperty("field").GetString()))
            .ToList();
        Assert.Contains((8L, $"{p}-d", "primaryCause"), rejections);
        Assert.Contains((11L, $"{p}-e", "members[1].idNumber"), rejections);
        Assert.Contains((12L, $"{p}-f", "villageCode"), rejections); // outside the importer's county: as if it did not exist
        Assert.Contains((15L, $"{p}-g", "members[1].idNumber"), rejections);
        foreach (var (id, _) in good)
        {
            Assert.NotNull(await factory.Cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(id)).GetAsync());
        }

        foreach (var id in new[] { $"{p}-d", $"{p}-e", $"{p}-f", $"{p}-g" })
        {
            Assert.Null(await factory.Cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(id)).GetAsync());
        }

        var again = await ImportAndWaitAsync(importer, csv);

        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, (await factory.Cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household($"{p}-a")).GetAsync())!.Version);
        var page = await JsonAsync(await importer.GetAsync($"/api/v1/imports/{again.GetProperty("id").GetString()}/rejections?page=1&pageSize=2"));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal([8L, 11L], page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));

        // Export: the area's households in the import format; unmasked for the administrator, masked for a viewer.
        var exported = await (await importer.GetAsync($"/api/v1/areas/{County}/households.csv")).Content.ReadAsStringAsync();
        var read = HouseholdCsv.Read(new StringReader(exported)).Where(h => h.HouseholdId.StartsWith(p, StringComparison.Ordinal)).ToList();
        Assert.Equal(good.Select(g => g.Item1).Order(), read.Select(h => h.HouseholdId).Order());
        foreach (var (id, record) in good)
        {
            var back = read.Single(h => h.HouseholdId == id).Record!;
            Assert.Equal(JsonSerializer.Serialize(record, PlatformJson.Options), JsonSerializer.Serialize(back, PlatformJson.Options));
        }

        var audit = await JsonAsync(await importer.GetAsync($"/api/v1/audit?areaCode={County}&actor=t-areaadmin-{County}&pageSize=200"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), r =>
            r.GetProperty("objectType").GetString() == "area-export" && r.GetProperty("action").GetString() == "GET api/v1/areas/{code}/households.csv");

        var viewer = await factory.CreateClientAsAsync(Role.Viewer, County);
        var masked = await (await viewer.GetAsync($"/api/v1/areas/{County}/households.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(good[0].Item2.Members![0].IdNumber!, masked, StringComparison.Ordinal);
        Assert.Contains(good[0].Item2.Members![0].IdNumber![..4] + "**********", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("100 0000 5678", masked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_or_of_another_type_is_refused_at_once()
    {
        var importer = await factory.CreateClientAsAsync(Role.AreaAdmin, County);

        var header = await importer.PostAsync("/api/v1/imports", CsvContent("householdId,colour\nx,red\n"));
        var json = await importer.PostAsync("/api/v1/imports", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        Assert.Contains("colour", await header.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task A_multipart_upload_is_accepted_and_someone_elses_import_elsewhere_is_404()
    {
        await factory.EnsureAreaChainAsync(Village);
        var clerk = await factory.CreateClientAsAsync(Role.DataEntry, Village);
        var writer = new StringWriter();
        HouseholdCsv.Write(writer, [($"{Prefix()}-m", Synthetic.Household(Village))]);
        using var form = new MultipartFormDataContent();
        var file = new StringContent(writer.ToString(), Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "village.csv");

        var accepted = await JsonAsync(await clerk.PostAsync("/api/v1/imports", form));
        var elsewhere = await factory.CreateClientAsAsync(Role.AreaAdmin, "610202000000");

        Assert.Equal("village.csv", accepted.GetProperty("fileName").GetString());
        Assert.Equal(2, accepted.GetProperty("rowsTotal").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/imports/{accepted.GetProperty("id").GetString()}")).StatusCode);
    }
}
