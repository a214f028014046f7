namespace OrleansPlatform.Gateway.Households;

/// <summary>Who is recorded as having made a change.</summary>
public static class Actors
{
    /// <summary>Placeholder until accounts exist.</summary>
    public const string Anonymous = "anonymous";
}
