using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Gateway.Access;

/// <summary>The authenticated caller of a request, and the jurisdiction checks controllers make.</summary>
public static class CallerAccess
{
    private static readonly object Key = new();

    /// <summary>The caller resolved from the token, or null before authentication.</summary>
    public static Caller? FindCaller(this HttpContext context) => context.Items.TryGetValue(Key, out var caller) ? caller as Caller : null;

    /// <summary>The caller; every endpoint but health and the token endpoint has one.</summary>
    public static Caller GetCaller(this HttpContext context) =>
        context.FindCaller() ?? throw new InvalidOperationException("The request has no authenticated caller.");

    /// <summary>Remembers the caller for the rest of the request.</summary>
    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>Throws the same 404 as for a missing area unless the caller reaches <paramref name="code"/>.</summary>
    public static void RequireReach(this HttpContext context, AreaCode code)
    {
        if (!context.GetCaller().Reaches(code.Value))
        {
            throw AreaNotFound(code);
        }
    }

    /// <summary>The 404 for an area that does not exist or lies outside the caller's jurisdiction.</summary>
    public static DomainException AreaNotFound(AreaCode code) =>
        new(DomainErrorKind.NotFound, "area.not-found", $"Area {code} does not exist.");
}
