using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using OrleansPlatform.Silo.Hosting;
using Xunit;

namespace OrleansPlatform.Testing;

/// <summary>
/// An <see cref="InProcessTestCluster"/> of two silos whose grains persist to a fresh PostgreSQL
/// database through the platform's own storage configuration.
/// </summary>
public class PlatformClusterFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private InProcessTestCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>The database the grains persist to.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not created.");

    /// <summary>A client connected to the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Number of silos started at first.</summary>
    protected virtual short InitialSilos => 2;

    /// <summary>Settings that override silo-config for this cluster's silos.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("cluster");
        var builder = new InProcessTestClusterBuilder(InitialSilos);
        builder.Options.ConfigureFileLogging = false;
        var connectionString = _database.ConnectionString;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddPlatformSources("Testing", []);
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings)
            {
                [$"ConnectionStrings:{PlatformConfiguration.ConnectionStringName}"] = connectionString,
            });
        });
        builder.ConfigureSilo((_, silo) => silo.UsePlatformStorage());
        builder.ConfigureClient(client => client.Services.AddPlatformExceptionSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
