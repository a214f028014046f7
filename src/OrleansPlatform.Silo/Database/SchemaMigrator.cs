using Npgsql;

namespace OrleansPlatform.Silo.Database;

/// <summary>
/// Brings a PostgreSQL database to the newest schema. Each migration runs in its own transaction
/// together with its bookkeeping row, under an advisory lock so that concurrent starters (several
/// silos, a compose migrate job) apply each migration exactly once. Applied migrations whose text
/// changed are reported instead of silently diverging.
/// </summary>
public sealed class SchemaMigrator(string connectionString, IReadOnlyList<Migration>? migrations = null)
{
    private const long AdvisoryLockKey = 0x4F_52_4C_50_4C_41_54; // "ORLPLAT"

    private readonly IReadOnlyList<Migration> _migrations = migrations ?? Migration.Embedded;

    /// <summary>Called with a line of progress for each step.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var created = await EnsureDatabaseAsync(cancellationToken);

        // Unpooled: closing it ends the session, so the advisory lock cannot outlive this call on a
        // pooled connection, whatever the connection string says about resetting sessions.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS platform_schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            foreach (var (version, checksum) in applied)
            {
                var known = _migrations.FirstOrDefault(m => m.Version == version);
                if (known is null)
                {
                    throw new InvalidOperationException(
                        $"The database has migration {version}, which this build does not know: it was migrated by a newer version.");
                }

                if (known.Checksum != checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {version:D4}_{known.Name} was changed after it was applied; add a new migration instead of editing an applied one.");
                }
            }

            var done = new List<Migration>();
            foreach (var migration in _migrations.Where(m => !applied.ContainsKey(m.Version)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO platform_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    record.Parameters.AddWithValue(migration.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                Log($"Applied migration {migration.Version:D4}_{migration.Name}.");
                done.Add(migration);
            }

            var current = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
            Log(done.Count == 0
                ? $"Schema is up to date at version {current}; nothing to do."
                : $"Schema migrated to version {current} ({done.Count} migration(s) applied).");
            return new MigrationReport(done, current, created);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task<bool> EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        if (string.IsNullOrEmpty(database))
        {
            return false;
        }

        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await ExecuteAsync(connection, $"CREATE DATABASE {quoted}", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false;
        }

        Log($"Created database {database}.");
        return true;
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM platform_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
