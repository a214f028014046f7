namespace OrleansPlatform.Cli.Generation;

/// <summary>What <see cref="DataFiles.Write"/> wrote: area rows, households, people (= member rows) and file sizes.</summary>
public sealed record GenerationResult(int Areas, long Households, long People, long AreasBytes, long HouseholdsBytes);
