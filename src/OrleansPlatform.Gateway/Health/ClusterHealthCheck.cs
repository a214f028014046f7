using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrleansPlatform.Gateway.Health;

/// <summary>Ready only when the Orleans cluster answers a call and has at least one active silo.</summary>
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true, cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).", new Dictionary<string, object> { ["activeSilos"] = hosts.Count })
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", e);
        }
    }
}
