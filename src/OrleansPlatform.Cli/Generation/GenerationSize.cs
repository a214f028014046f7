namespace OrleansPlatform.Cli.Generation;

/// <summary>How much data to generate.</summary>
public enum GenerationSize
{
    /// <summary>One county, 2 towns, 4 villages, about 200 households: for tests and demos.</summary>
    Tiny = 1,

    /// <summary>One county the size of Shangzhou District: 35,554 households, 110,166 people.</summary>
    County = 2,

    /// <summary>29 counties, 406,000 households, 1,260,000 people: the province of the article.</summary>
    Province = 3,
}
