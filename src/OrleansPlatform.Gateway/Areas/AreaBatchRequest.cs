namespace OrleansPlatform.Gateway.Areas;

/// <summary>Body of <c>PUT /api/v1/areas</c>: many areas at once, in any order.</summary>
public sealed class AreaBatchRequest
{
    /// <summary>The areas to create or update, 1 to <see cref="AreasController.MaxBatchSize"/>.</summary>
    public List<AreaBatchItem?>? Areas { get; init; }
}

/// <summary>One area of an <see cref="AreaBatchRequest"/>: its code and the fields of <c>PUT /api/v1/areas/{code}</c>.</summary>
public sealed class AreaBatchItem
{
    /// <summary>12-digit statistical division code.</summary>
    public string? Code { get; init; }

    /// <summary>Display name, 1–100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>Registered rural population (meaningful for villages); optional, never negative.</summary>
    public long? RuralPopulation { get; init; }
}

/// <summary>What <c>PUT /api/v1/areas</c> did.</summary>
/// <param name="Created">Areas that did not exist before.</param>
/// <param name="Updated">Areas that existed; their name and population are now the ones sent.</param>
public sealed record AreaBatchResult(int Created, int Updated);
