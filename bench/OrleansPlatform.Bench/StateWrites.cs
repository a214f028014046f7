using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>
/// Grain-state writes per state name, read from the platform's storage table: a row's version is
/// incremented by every write, so on a fresh database the sum of versions is the number of writes.
/// </summary>
public sealed record StateWrites(string StateName, long Rows, long Writes, double AveragePayloadBytes, long MaxPayloadBytes)
{
    /// <summary>Reads every state name's rows, writes and payload sizes.</summary>
    public static async Task<List<StateWrites>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT state_name, count(*), sum(version)::bigint, coalesce(avg(octet_length(payload)), 0)::float8,
                   coalesce(max(octet_length(payload)), 0)::bigint
              FROM orleans_grain_state GROUP BY state_name ORDER BY sum(version) DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<StateWrites>();
        while (await reader.ReadAsync())
        {
            result.Add(new StateWrites(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetInt64(4)));
        }

        return result;
    }
}
