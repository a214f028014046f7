namespace OrleansPlatform.Households;

/// <summary>One page of a longer list.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.ResultPage`1")]
public sealed record ResultPage<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total);
