namespace OrleansPlatform.Gateway.Audit;

/// <summary>How controllers tell the audit filter what a request touched.</summary>
public static class AuditRequests
{
    private static readonly object Key = new();

    /// <summary>Names the object the request acts on; returns it so the area can be filled in later.</summary>
    public static AuditTarget Audit(this HttpContext context, string objectType, string objectId, string? areaCode = null)
    {
        var target = new AuditTarget { ObjectType = objectType, ObjectId = objectId, AreaCode = areaCode };
        context.Items[Key] = target;
        return target;
    }

    /// <summary>Names the object of a request made before there is a caller (sign-in).</summary>
    public static void AuditAs(this HttpContext context, string actor, string role, string objectType, string objectId, string? areaCode) =>
        context.Items[Key] = new AuditTarget { ObjectType = objectType, ObjectId = objectId, AreaCode = areaCode, Actor = actor, Role = role };

    /// <summary>Records that the response carries unmasked personal data of an object in <paramref name="areaCode"/>.</summary>
    public static void AuditPersonalDataShown(this HttpContext context, string objectType, string objectId, string? areaCode)
    {
        var target = context.FindAuditTarget() ?? context.Audit(objectType, objectId, areaCode);
        target.AreaCode ??= areaCode;
        target.PersonalDataShown = true;
    }

    /// <summary>The target named so far, if any.</summary>
    public static AuditTarget? FindAuditTarget(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var target) ? target as AuditTarget : null;
}
