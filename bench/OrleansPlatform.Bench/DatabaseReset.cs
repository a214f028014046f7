using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>Drops and recreates the benchmark's databases, so every run starts from empty tables.</summary>
public static class DatabaseReset
{
    /// <summary>Recreates the database each connection string names, connecting to the server's <c>postgres</c> database.</summary>
    public static async Task RunAsync(params string[] connectionStrings)
    {
        foreach (var connectionString in connectionStrings)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var database = target.Database ?? throw new ArgumentException("The connection string names no database.");
            var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(database);
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}
