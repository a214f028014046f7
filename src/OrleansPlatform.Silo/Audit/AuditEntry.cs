namespace OrleansPlatform.Silo.Audit;

/// <summary>One audit record: who did what to which object, and how it ended. Never carries personal data values.</summary>
public sealed record AuditEntry
{
    /// <summary>Row id, increasing.</summary>
    public long Id { get; init; }

    /// <summary>When it happened (server clock).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The account's login.</summary>
    public required string Actor { get; init; }

    /// <summary>The account's role at the time.</summary>
    public required string Role { get; init; }

    /// <summary>What was done, e.g. <c>PUT /api/v1/households/{householdId}</c> or <c>read-personal-data</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Kind of object, e.g. <c>household</c>, <c>area</c>, <c>account</c>.</summary>
    public required string ObjectType { get; init; }

    /// <summary>The object's id (household id, area code, login; never an ID number).</summary>
    public required string ObjectId { get; init; }

    /// <summary>The area the object belongs to, used to limit who reads the record.</summary>
    public string? AreaCode { get; init; }

    /// <summary>The HTTP status the request ended with.</summary>
    public int Status { get; init; }

    /// <summary>Optional free text (never personal data).</summary>
    public string? Detail { get; init; }
}
