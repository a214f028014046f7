namespace OrleansPlatform.Cli.Generation;

/// <summary>
/// What the generator decided for one village before writing its households: how many households and
/// people, its rural population, and the share of households that meet the exit standard.
/// </summary>
public sealed record VillagePlan(
    string Code,
    int CountyIndex,
    int Households,
    int People,
    long RuralPopulation,
    double ExitReadyShare);
