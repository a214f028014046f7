namespace OrleansPlatform.Households;

/// <summary>The household's dwelling.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.Housing")]
public sealed record Housing
{
    /// <summary>Assessed safe (not dilapidated).</summary>
    [Id(0)] public bool? Safe { get; init; }

    /// <summary>Building structure, e.g. brick-concrete, adobe.</summary>
    [Id(1)] public string? Structure { get; init; }

    /// <summary>Floor area in square metres.</summary>
    [Id(2)] public decimal? AreaM2 { get; init; }
}
