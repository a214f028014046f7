using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Gateway.Tests;

/// <summary>
/// The real gateway in-process, co-hosting a real silo (ADO.NET clustering, storage and reminders)
/// against a fresh PostgreSQL database, on ports and a cluster id of its own.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

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
        builder.UseSetting("Orleans:ClusterId", $"gateway-tests-{Guid.NewGuid():N}");
        builder.UseSetting("Orleans:Endpoints:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
