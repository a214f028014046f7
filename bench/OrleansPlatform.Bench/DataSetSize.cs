namespace OrleansPlatform.Bench;

/// <summary>How much generated data a run wrote: areas, households and their people.</summary>
public sealed record DataSetSize(int Areas, long Households, long People);
