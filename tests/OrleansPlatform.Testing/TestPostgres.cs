using Npgsql;
using OrleansPlatform.Silo.Database;

namespace OrleansPlatform.Testing;

/// <summary>
/// The PostgreSQL server tests run against: <c>PLATFORM_TEST_POSTGRES</c> holds a connection string
/// for a role allowed to create databases (test.sh provisions a private server and sets it).
/// Every fixture gets a database of its own, so test classes and test projects never share state.
/// </summary>
public static class TestPostgres
{
    /// <summary>Name of the environment variable with the server's connection string.</summary>
    public const string Variable = "PLATFORM_TEST_POSTGRES";

    /// <summary>Connection string to the server's maintenance database.</summary>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{Variable} is not set. Run the tests with ./test.sh, which provisions PostgreSQL, " +
                    $"or set {Variable} to a connection string of a role that may create databases.");
            }

            return value;
        }
    }

    /// <summary>Creates an empty database with a unique name; migrated to the newest schema unless told otherwise.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string purpose, bool migrate = true)
    {
        var name = $"test_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        if (name.Length > 63)
        {
            throw new ArgumentException("The purpose is too long for a database name.", nameof(purpose));
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        var database = new TestDatabase(name, builder.ConnectionString);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await new SchemaMigrator(database.ConnectionString).MigrateAsync();
        }

        return database;
    }

    internal static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
