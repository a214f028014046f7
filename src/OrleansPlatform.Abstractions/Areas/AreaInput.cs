namespace OrleansPlatform.Areas;

/// <summary>What a caller sets on an area.</summary>
/// <param name="Name">Display name, 1–100 characters.</param>
/// <param name="RuralPopulation">Registered rural population; meaningful for villages, optional.</param>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AreaInput")]
public sealed record AreaInput(
    [property: Id(0)] string? Name,
    [property: Id(1)] long? RuralPopulation);
