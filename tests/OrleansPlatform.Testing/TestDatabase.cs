using Npgsql;

namespace OrleansPlatform.Testing;

/// <summary>A database created for one fixture and dropped when it is disposed.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    /// <summary>The database's name.</summary>
    public string Name { get; } = name;

    /// <summary>Connection string to this database.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(Name);
}
