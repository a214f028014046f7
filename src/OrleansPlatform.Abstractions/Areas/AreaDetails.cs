namespace OrleansPlatform.Areas;

/// <summary>An area as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AreaDetails")]
public sealed record AreaDetails(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] AreaLevel Level,
    [property: Id(3)] string? ParentCode,
    [property: Id(4)] IReadOnlyList<string> Children,
    [property: Id(5)] long? RuralPopulation);
