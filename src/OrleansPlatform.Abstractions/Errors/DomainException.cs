namespace OrleansPlatform.Errors;

/// <summary>
/// A mistake the caller can make and fix: raised by grains, carried across the cluster, and turned
/// into an RFC 9457 problem by the gateway. <see cref="Code"/> is stable and machine-readable;
/// <see cref="Errors"/> names the offending fields by JSON path.
/// </summary>
[GenerateSerializer, Alias("OrleansPlatform.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainException(DomainErrorKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Errors = errors is null ? null : new Dictionary<string, string[]>(errors);
    }

    /// <summary>The kind of mistake.</summary>
    [Id(0)]
    public DomainErrorKind Kind { get; init; } = DomainErrorKind.Validation;

    /// <summary>A stable machine-readable code, e.g. <c>area.parent-missing</c>.</summary>
    [Id(1)]
    public string Code { get; init; } = "error";

    /// <summary>Problems per field (JSON path), or null when the error concerns no single field.</summary>
    [Id(2)]
    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>Creates a validation error for one field.</summary>
    public static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.Validation, "validation", message, new Dictionary<string, string[]> { [field] = [message] });
}
