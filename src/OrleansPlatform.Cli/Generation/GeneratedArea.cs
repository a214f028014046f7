namespace OrleansPlatform.Cli.Generation;

/// <summary>An area row of <c>areas.csv</c>: 12-digit code, name, and rural population (villages only).</summary>
public sealed record GeneratedArea(string Code, string Name, long? RuralPopulation);
