using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPlatform.Testing;

namespace OrleansPlatform.IntegrationTests;

/// <summary>Two silo processes and a gateway process on loopback against PostgreSQL, as operators run them.</summary>
public sealed class ProcessClusterTests : IAsyncLifetime, IDisposable
{
    private readonly List<ServerProcess> _servers = [];
    private TestDatabase? _database;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(40) };

    private HttpClient Http => _http;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("processes");
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        _servers.Clear();
        _http.Dispose();
    }

    [Fact]
    public async Task Areas_written_through_the_gateway_survive_the_sigkill_of_a_silo()
    {
        var ports = FreePorts.Take(5);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Platform"] = _database!.ConnectionString,
            ["Orleans__ClusterId"] = $"process-test-{Guid.NewGuid():N}",
            // Declare a killed silo dead within seconds rather than the production default of about a minute.
            ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
            ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Statistics__Period"] = "00:00:01",
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
        };
        var silo = RepositoryPaths.ServerAssembly("OrleansPlatform.Silo");
        var siloA = Start("silo-a", silo, ["--silo-port", Port(ports[0]), "--gateway-port", Port(ports[1])], environment);
        var siloB = Start("silo-b", silo, ["--silo-port", Port(ports[2]), "--gateway-port", Port(ports[3])], environment);
        var baseUrl = $"http://127.0.0.1:{ports[4]}";
        Start("gateway", RepositoryPaths.ServerAssembly("OrleansPlatform.Gateway"), ["--urls", baseUrl], environment);
        Http.BaseAddress = new Uri(baseUrl);
        await WaitForActiveSilosAsync(2, TimeSpan.FromSeconds(90));
        await SignInAsAdministratorAsync(silo, environment);

        var areas = Hierarchy().ToList();
        foreach (var (code, name, population) in areas)
        {
            var response = await Http.PutAsJsonAsync($"/api/v1/areas/{code}", new { name, ruralPopulation = population });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var villages = areas.Where(a => a.Population is not null).Select(a => a.Code).ToList();
        for (var i = 0; i < 6; i++)
        {
            var record = Synthetic.Household(villages[i % villages.Count], 2000m + (i * 300));
            var response = await Http.PutAsync($"/api/v1/households/proc-{i}", new StringContent(JsonSerializer.Serialize(record, PlatformJson.Options), System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT household {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        siloA.Kill();
        Assert.False(siloA.IsRunning);
        Assert.True(siloB.IsRunning, siloB.Output);

        var deadline = Stopwatch.StartNew();
        foreach (var (code, name, population) in areas)
        {
            var area = await GetWithRetryAsync(code, deadline, TimeSpan.FromSeconds(120));
            Assert.Equal(name, area.GetProperty("name").GetString());
            if (population is { } expected)
            {
                Assert.Equal(expected, area.GetProperty("ruralPopulation").GetInt64());
            }

            var expectedChildren = areas.Where(a => ParentOf(a.Code) == code).Select(a => a.Code).Order(StringComparer.Ordinal);
            Assert.Equal(expectedChildren, area.GetProperty("children").EnumerateArray().Select(c => c.GetString()));
        }

        var afterKill = await Http.PutAsJsonAsync($"/api/v1/areas/{areas[0].Code}", new { name = "Still writable" });
        Assert.Equal(HttpStatusCode.OK, afterKill.StatusCode);

        // The figures survive the kill too: the province converges to the recount of the six households.
        JsonElement check = default;
        while (deadline.Elapsed < TimeSpan.FromSeconds(150))
        {
            var response = await Http.GetAsync("/api/v1/admin/consistency/610000000000");
            if (response.IsSuccessStatusCode)
            {
                check = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (check.GetProperty("consistent").GetBoolean() && check.GetProperty("served").GetProperty("poorHouseholds").GetInt32() == 6)
                {
                    break;
                }
            }

            await Task.Delay(500);
        }

        Assert.True(check.ValueKind == JsonValueKind.Object && check.GetProperty("consistent").GetBoolean(), $"not consistent: {check}");
        Assert.Equal(6, check.GetProperty("served").GetProperty("poorHouseholds").GetInt32());
        Assert.Equal(12, check.GetProperty("served").GetProperty("poorPeople").GetInt32());
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A province with 2 cities, 4 counties, 8 towns and 16 villages.</summary>
    private static IEnumerable<(string Code, string Name, long? Population)> Hierarchy()
    {
        yield return ("610000000000", "Shaanxi", null);
        for (var city = 1; city <= 2; city++)
        {
            yield return ($"61{city:D2}00000000", $"City {city}", null);
            for (var county = 1; county <= 2; county++)
            {
                yield return ($"61{city:D2}{county:D2}000000", $"County {city}.{county}", null);
                for (var town = 1; town <= 2; town++)
                {
                    yield return ($"61{city:D2}{county:D2}{100 + town:D3}000", $"Town {city}.{county}.{town}", null);
                    for (var village = 1; village <= 2; village++)
                    {
                        yield return ($"61{city:D2}{county:D2}{100 + town:D3}{200 + village:D3}", $"Village {city}.{county}.{town}.{village}", 1000 + (city * 100) + (county * 10) + town + village);
                    }
                }
            }
        }
    }

    private static string? ParentOf(string code) => Areas.AreaCode.Parse(code).Parent?.Value;

    /// <summary>Creates a system administrator with the silo's create-admin command and signs in with the printed password.</summary>
    private async Task SignInAsAdministratorAsync(string silo, Dictionary<string, string> environment)
    {
        var create = Start("create-admin", silo, ["create-admin", "proc-admin"], environment);
        var clock = Stopwatch.StartNew();
        while (create.IsRunning && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        var marker = "Password (shown once): ";
        var line = create.Output.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(line is not null, "create-admin printed no password:\n" + create.Output);
        var password = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();

        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { login = "proc-admin", password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    private ServerProcess Start(string name, string assembly, string[] args, Dictionary<string, string> environment)
    {
        var server = ServerProcess.Start(name, assembly, args, environment);
        _servers.Add(server);
        return server;
    }

    private async Task WaitForActiveSilosAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < timeout)
        {
            try
            {
                var response = await Http.GetAsync("/health/ready");
                last = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && last.Contains($"{count} active silo", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The cluster did not become ready with {count} silos: {last}\n{string.Join("\n", _servers.Select(s => $"--- {s.Name}\n{s.Output}"))}");
    }

    private async Task<JsonElement> GetWithRetryAsync(string code, Stopwatch clock, TimeSpan budget)
    {
        var last = "";
        while (clock.Elapsed < budget)
        {
            try
            {
                var response = await Http.GetAsync($"/api/v1/areas/{code}");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Area {code} was not readable after the silo was killed: {last}");
        return default;
    }
}
