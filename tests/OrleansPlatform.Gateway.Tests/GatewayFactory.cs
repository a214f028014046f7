using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Areas;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests;

/// <summary>
/// The real gateway in-process, co-hosting a real silo (ADO.NET clustering, storage and reminders)
/// against a fresh PostgreSQL database, on ports and a cluster id of its own.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private TestDatabase? _database;

    /// <summary>This gateway's token-signing key (base64), random per factory.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>Sign-in attempts per address per window; tests of the limit lower it.</summary>
    public int TokenRequestsPerWindow { get; protected init; } = 10_000;

    /// <summary>Requests per account per window; tests of the limit lower it.</summary>
    public int AccountRequestsPerWindow { get; protected init; } = 100_000;

    /// <summary>The window both rate limits count in; tests of how clients wait out the limit shorten it.</summary>
    public TimeSpan RateLimitWindow { get; protected init; } = TimeSpan.FromMinutes(1);

    /// <summary>The cluster, as the platform itself (no caller: unrestricted).</summary>
    public IClusterClient Cluster => Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// A client signed in as an account of <paramref name="role"/> in <paramref name="areaCode"/>,
    /// created on first use. The token comes from the gateway's own issuer for the real account.
    /// </summary>
    public HttpClient CreateClientAs(Role role, string? areaCode) =>
        CreateClientAsAsync(role, areaCode).GetAwaiter().GetResult();

    /// <inheritdoc cref="CreateClientAs"/>
    public async Task<HttpClient> CreateClientAsAsync(Role role, string? areaCode)
    {
        var login = $"t-{role.ToString().ToLowerInvariant()}-{areaCode ?? "all"}";
        if (!_tokens.TryGetValue(login, out var token))
        {
            var principal = await EnsureAccountAsync(login, role, areaCode);
            token = Services.GetRequiredService<TokenIssuer>().Issue(principal).Token;
            _tokens[login] = token;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates (or updates) an account as the platform and returns what its tokens stand for.</summary>
    public async Task<AccountPrincipal> EnsureAccountAsync(string login, Role role, string? areaCode)
    {
        if (areaCode is not null)
        {
            await EnsureAreaChainAsync(areaCode);
        }

        var grain = Cluster.GetGrain<IAccountGrain>(GrainKeys.Account(login));
        await grain.UpsertAsync(new AccountInput
        {
            DisplayName = $"Test {role}",
            Role = role,
            AreaCode = areaCode,
            CooperativeId = role == Role.CooperativeManager ? "coop-1" : null,
        });
        return (await grain.GetPrincipalAsync())!;
    }

    /// <summary>Creates an area and every area above it that is missing, as the platform.</summary>
    public async Task EnsureAreaChainAsync(string areaCode)
    {
        var chain = new List<AreaCode>();
        for (AreaCode? code = AreaCode.Parse(areaCode); code is { } c; code = c.Parent)
        {
            chain.Insert(0, c);
        }

        foreach (var code in chain)
        {
            var area = Cluster.GetGrain<IAreaGrain>(code.Value);
            if (!await area.ExistsAsync())
            {
                await area.UpsertAsync(new AreaInput($"Area {code.Value}", code.Level == AreaLevel.Village ? 1000 : null));
            }
        }
    }

    /// <summary>The database behind this gateway's cluster.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("gateway");
        _ = Server; // start the host (and its silo) before the first test
    }

    /// <inheritdoc/>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var ports = FreePorts.Take(2);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Platform", Database.ConnectionString);
        builder.UseSetting("Orleans:HostSilo", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("RateLimits:TokenRequestsPerWindow", TokenRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:AccountRequestsPerWindow", AccountRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Window", RateLimitWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"gateway-tests-{Guid.NewGuid():N}");
        builder.UseSetting("Orleans:Endpoints:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
