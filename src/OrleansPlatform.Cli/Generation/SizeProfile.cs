namespace OrleansPlatform.Cli.Generation;

/// <summary>The targets of one <see cref="GenerationSize"/>: counties, exact household and people totals, and area fan-out.</summary>
public sealed record SizeProfile(
    GenerationSize Size,
    IReadOnlyList<CountySeed> Counties,
    int Households,
    int People,
    (int Min, int Max) TownsPerCounty,
    (int Min, int Max) VillagesPerTown)
{
    /// <summary>The profile of <paramref name="size"/>.</summary>
    public static SizeProfile For(GenerationSize size) => size switch
    {
        GenerationSize.Tiny => new(size, [new("610204", "Yaozhou District")], 200, 620, (2, 2), (2, 2)),

        // Shangzhou District (Shangluo): the registered figures from the article.
        GenerationSize.County => new(size, [new("611002", "Shangzhou District")], 35_554, 110_166, (18, 18), (12, 24)),

        // 29 counties of the province's platform, in the cities where Shaanxi's poor counties lie.
        GenerationSize.Province => new(size, ProvinceCounties, 406_000, 1_260_000, (8, 20), (8, 20)),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown size."),
    };

    private static readonly CountySeed[] ProvinceCounties =
    [
        new("610204", "Yaozhou District"),
        new("610327", null),
        new("610522", null), new("610523", null),
        new("610621", null), new("610622", null),
        new("610722", null), new("610723", null), new("610724", null), new("610725", null), new("610726", null),
        new("610822", null), new("610823", null), new("610824", null),
        new("610902", null), new("610921", null), new("610922", null), new("610923", null),
        new("610924", null), new("610925", null), new("610926", null), new("610927", null),
        new("611002", "Shangzhou District"), new("611021", null), new("611022", null), new("611023", null),
        new("611024", null), new("611025", null), new("611026", null),
    ];
}
