namespace OrleansPlatform.Households;

/// <summary>"Two no-worries, three guarantees" (两不愁三保障) plus safe water, each as it stands now.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.Guarantees")]
public sealed record Guarantees(
    [property: Id(0)] bool Food,
    [property: Id(1)] bool Clothing,
    [property: Id(2)] bool CompulsoryEducation,
    [property: Id(3)] bool Medical,
    [property: Id(4)] bool Housing,
    [property: Id(5)] bool Water);
