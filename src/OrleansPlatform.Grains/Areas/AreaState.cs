namespace OrleansPlatform.Areas;

/// <summary>Persisted state of an <see cref="AreaGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansPlatform.AreaState")]
public sealed class AreaState
{
    /// <summary>Display name; null while the area does not exist.</summary>
    [Id(0)]
    public string? Name { get; set; }

    /// <summary>Registered rural population, when known.</summary>
    [Id(1)]
    public long? RuralPopulation { get; set; }

    /// <summary>Codes of the direct children, kept sorted.</summary>
    [Id(2)]
    public List<string> Children { get; set; } = [];

    /// <summary>
    /// True once the parent has recorded this area as its child. A write that fails between storing
    /// this area and linking it to its parent is finished on the next activation.
    /// </summary>
    [Id(3)]
    public bool LinkedToParent { get; set; }
}
