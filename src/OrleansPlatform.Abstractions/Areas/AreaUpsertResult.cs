namespace OrleansPlatform.Areas;

/// <summary>The outcome of writing an area.</summary>
/// <param name="Created">True when the area did not exist before.</param>
/// <param name="Area">The area after the write.</param>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AreaUpsertResult")]
public sealed record AreaUpsertResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] AreaDetails Area);
