namespace OrleansPlatform.Statistics;

/// <summary>The served figures of an area next to a recount from the household registry.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.ConsistencyReport")]
public sealed record ConsistencyReport
{
    /// <summary>The area checked.</summary>
    [Id(0)] public required string Code { get; init; }

    /// <summary>True when every figure agrees.</summary>
    [Id(1)] public bool Consistent { get; init; }

    /// <summary>Each figure that differs: name, served value, recounted value.</summary>
    [Id(2)] public required IReadOnlyList<FigureDifference> Differences { get; init; }

    /// <summary>What the platform serves.</summary>
    [Id(3)] public required AreaStats Served { get; init; }

    /// <summary>What a recount from the registry gives.</summary>
    [Id(4)] public required AreaStats Recount { get; init; }

    /// <summary>Households read from the registry for the recount.</summary>
    [Id(5)] public int HouseholdsScanned { get; init; }
}

/// <summary>One figure that differs.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.FigureDifference")]
public sealed record FigureDifference(
    [property: Id(0)] string Figure,
    [property: Id(1)] string? Served,
    [property: Id(2)] string? Recount);

/// <summary>Recounts an area's figures from the registry and compares them with the served ones.</summary>
[Alias("OrleansPlatform.IConsistencyGrain")]
public interface IConsistencyGrain : IGrainWithIntegerKey
{
    /// <summary>Recounts the area <paramref name="code"/> from every registered household.</summary>
    /// <remarks>A province's recount reads 400,000 rows: it may take longer than the default 30 s call timeout.</remarks>
    [Alias("Check")]
    [ResponseTimeout("00:05:00")]
    Task<ConsistencyReport> CheckAsync(string code);
}
