namespace OrleansPlatform.Gateway.Areas;

/// <summary>Body of <c>PUT /api/v1/areas/{code}</c>.</summary>
public sealed class AreaRequest
{
    /// <summary>Display name, 1–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>Registered rural population (meaningful for villages); optional, never negative.</summary>
    public long? RuralPopulation { get; init; }
}
