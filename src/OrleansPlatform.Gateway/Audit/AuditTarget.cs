namespace OrleansPlatform.Gateway.Audit;

/// <summary>What a request acted on, as the controller tells the audit filter.</summary>
public sealed class AuditTarget
{
    /// <summary>Kind of object: household, area, account …</summary>
    public required string ObjectType { get; init; }

    /// <summary>The object's id; never an ID number or other personal data.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The area the object belongs to.</summary>
    public string? AreaCode { get; set; }

    /// <summary>The acting login when there is no authenticated caller yet (sign-in).</summary>
    public string? Actor { get; init; }

    /// <summary>The acting role in that case.</summary>
    public string? Role { get; init; }

    /// <summary>True when the response carries unmasked ID numbers or phones.</summary>
    public bool PersonalDataShown { get; set; }
}
