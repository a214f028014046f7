namespace OrleansPlatform.Silo.Audit;

/// <summary>A filter over the audit log; <see cref="AreaPrefix"/> null means every area.</summary>
public sealed record AuditQuery(string? AreaPrefix, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);
