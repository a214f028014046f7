namespace OrleansPlatform.Silo.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record; returns once it is committed.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Records matching <paramref name="query"/>, newest first, and how many match in all.</summary>
    Task<(IReadOnlyList<AuditEntry> Items, long Total)> FindAsync(AuditQuery query, CancellationToken cancellationToken);
}
