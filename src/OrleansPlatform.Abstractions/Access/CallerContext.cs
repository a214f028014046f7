namespace OrleansPlatform.Access;

/// <summary>Carries the <see cref="Caller"/> in Orleans' request context, which flows with grain calls.</summary>
public static class CallerContext
{
    private const string Key = "platform.caller";

    /// <summary>The caller of the current request, or null for the platform's own work (timers, reminders).</summary>
    public static Caller? Current => RequestContext.Get(Key) as Caller;

    /// <summary>The login to record as the actor of a change.</summary>
    public static string Actor => Current?.Login ?? "system";

    /// <summary>True when the current caller reaches <paramref name="areaCode"/>; the platform's own work reaches everything.</summary>
    public static bool Reaches(string? areaCode) => Current?.Reaches(areaCode) ?? true;

    /// <summary>Throws a 403 domain error unless the current caller holds <paramref name="permission"/>.</summary>
    public static void Require(Permission permission)
    {
        if (Current is { } caller && !caller.Has(permission))
        {
            throw new Errors.DomainException(
                Errors.DomainErrorKind.Forbidden,
                "access.forbidden",
                $"The role {caller.Role} does not allow this ({permission}).");
        }
    }

    /// <summary>Makes <paramref name="caller"/> the caller of grain calls made from here on in this flow.</summary>
    public static void Set(Caller caller) => RequestContext.Set(Key, caller);

    /// <summary>Runs grain calls as <paramref name="caller"/> until the result is disposed.</summary>
    public static IDisposable Use(Caller caller)
    {
        var previous = Current;
        Set(caller);
        return new Restore(previous);
    }

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(Key);
            }
            else
            {
                Set(previous);
            }
        }
    }
}
