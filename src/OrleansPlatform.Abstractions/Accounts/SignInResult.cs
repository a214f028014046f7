namespace OrleansPlatform.Accounts;

/// <summary>The outcome of a sign-in attempt.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] AccountPrincipal? Principal,
    [property: Id(2)] DateTimeOffset? LockedUntil);
