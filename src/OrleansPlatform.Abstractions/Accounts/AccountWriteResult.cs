namespace OrleansPlatform.Accounts;

/// <summary>The outcome of creating or changing an account.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AccountWriteResult")]
public sealed record AccountWriteResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] AccountView Account,
    [property: Id(2)] string? InitialPassword);
