namespace OrleansPlatform.Cli.Generation;

/// <summary>Draws used by the generator; every draw comes from the one seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>A uniform double in [min, max).</summary>
    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>An index drawn with the given weights (they need not add up to 1).</summary>
    public static int Pick(this Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>An element drawn uniformly.</summary>
    public static T OneOf<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
