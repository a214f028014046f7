using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlatform.Silo.Hosting;

namespace OrleansPlatform.Bench;

/// <summary>An Orleans client connected to the benchmark's silo the way <c>seed-demo</c> connects: through the clustering table.</summary>
public sealed class PlatformCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private PlatformCluster(IHost host) => _host = host;

    /// <summary>The client; calls carry no caller, so they run as the platform itself.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects, retrying until a silo of <paramref name="clusterId"/> accepts clients or <paramref name="timeout"/> passes.</summary>
    public static async Task<PlatformCluster> ConnectAsync(string connectionString, string clusterId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{PlatformConfiguration.ConnectionStringName}"] = connectionString,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:ServiceId"] = clusterId,
            });
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client => client.UsePlatformCluster());
            var host = builder.Build();
            try
            {
                await host.StartAsync();
                return new PlatformCluster(host);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                host.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
