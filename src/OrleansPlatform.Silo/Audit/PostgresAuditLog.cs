using System.Text;
using Npgsql;

namespace OrleansPlatform.Silo.Audit;

/// <summary>The audit trail in the <c>platform_audit</c> table, which refuses updates and deletes.</summary>
public sealed class PostgresAuditLog(NpgsqlDataSource database) : IAuditLog
{
    /// <inheritdoc/>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO platform_audit (actor, role, action, object_type, object_id, area_code, status, detail) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.AddWithValue(entry.Actor);
        command.Parameters.AddWithValue(entry.Role);
        command.Parameters.AddWithValue(entry.Action);
        command.Parameters.AddWithValue(entry.ObjectType);
        command.Parameters.AddWithValue(entry.ObjectId);
        command.Parameters.AddWithValue((object?)entry.AreaCode ?? DBNull.Value);
        command.Parameters.AddWithValue(entry.Status);
        command.Parameters.AddWithValue((object?)entry.Detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<(IReadOnlyList<AuditEntry> Items, long Total)> FindAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE TRUE");
        var parameters = new List<object>();
        void Add(string condition, object value)
        {
            parameters.Add(value);
            where.Append(" AND ").Append(condition.Replace("?", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.AreaPrefix is not null)
        {
            Add("area_code LIKE ?", query.AreaPrefix + "%");
        }

        if (query.Actor is not null)
        {
            Add("actor = ?", query.Actor);
        }

        if (query.From is { } from)
        {
            Add("at >= ?", from);
        }

        if (query.To is { } to)
        {
            Add("at < ?", to);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long total;
        await using (var count = new NpgsqlCommand($"SELECT count(*) FROM platform_audit {where}", connection))
        {
            count.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter { Value = p }).ToArray());
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var items = new List<AuditEntry>();
        await using var select = new NpgsqlCommand(
            $"SELECT id, at, actor, role, action, object_type, object_id, area_code, status, detail FROM platform_audit {where} " +
            $"ORDER BY id DESC LIMIT {query.PageSize} OFFSET {(long)(query.Page - 1) * query.PageSize}",
            connection);
        select.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter { Value = p }).ToArray());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AuditEntry
            {
                Id = reader.GetInt64(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
                Actor = reader.GetString(2),
                Role = reader.GetString(3),
                Action = reader.GetString(4),
                ObjectType = reader.GetString(5),
                ObjectId = reader.GetString(6),
                AreaCode = reader.IsDBNull(7) ? null : reader.GetString(7),
                Status = reader.GetInt32(8),
                Detail = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }

        return (items, total);
    }
}
