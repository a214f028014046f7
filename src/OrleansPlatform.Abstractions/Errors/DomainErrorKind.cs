namespace OrleansPlatform.Errors;

/// <summary>What kind of mistake a caller made; the gateway maps each kind to one HTTP status.</summary>
public enum DomainErrorKind
{
    /// <summary>The input is malformed or breaks a rule (400).</summary>
    Validation = 1,

    /// <summary>The addressed object does not exist (404).</summary>
    NotFound = 2,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict = 3,

    /// <summary>The input is well-formed but refers to something that does not allow it (422).</summary>
    Unprocessable = 4,

    /// <summary>A required precondition header is missing (428).</summary>
    PreconditionRequired = 5,

    /// <summary>The caller's precondition (e.g. If-Match) does not hold (412).</summary>
    PreconditionFailed = 6,

    /// <summary>The caller's role does not allow this (403).</summary>
    Forbidden = 7,

    /// <summary>The request body is in a format the endpoint does not take (415).</summary>
    UnsupportedMediaType = 8,
}
