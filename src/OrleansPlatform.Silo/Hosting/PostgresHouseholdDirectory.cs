using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>Reads the ids of stored households from the grain-state table (the project's own schema).</summary>
public sealed class PostgresHouseholdDirectory(IConfiguration configuration, IOptions<ClusterOptions> cluster) : IHouseholdDirectory
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> AllHouseholdIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(configuration.GetPlatformConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT grain_id_ext FROM orleans_grain_state WHERE service_id = $1 AND state_name = 'household' AND payload IS NOT NULL",
            connection);
        command.Parameters.AddWithValue(cluster.Value.ServiceId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(GrainKeys.HouseholdIdOf(reader.GetString(0)));
        }

        return ids;
    }
}
