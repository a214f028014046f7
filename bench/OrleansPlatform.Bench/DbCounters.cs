using Npgsql;

namespace OrleansPlatform.Bench;

/// <summary>
/// Cumulative activity of one database (pg_stat_database) and of the whole server's write-ahead log.
/// Differences between two readings say what a phase cost PostgreSQL: transactions, rows written, WAL bytes.
/// </summary>
public sealed record DbCounters(long Commits, long Rollbacks, long Inserted, long Updated, long Deleted, long WalBytes)
{
    /// <summary>Reads the counters of the database <paramref name="connectionString"/> names.</summary>
    public static async Task<DbCounters> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
              FROM pg_stat_database WHERE datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DbCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public DbCounters Since(DbCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(Commits - before.Commits, Rollbacks - before.Rollbacks, Inserted - before.Inserted, Updated - before.Updated,
            Deleted - before.Deleted, WalBytes - before.WalBytes);
    }
}
