namespace OrleansPlatform.Cli.Generation;

/// <summary>Splits a whole number in proportion to weights so the parts add up exactly (largest remainder).</summary>
internal static class Apportion
{
    public static int[] Split(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        var remainders = new (double Remainder, int Index)[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            assigned += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        // Ties broken by index, so the result depends on nothing but the inputs.
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(total - assigned))
        {
            parts[index]++;
        }

        return parts;
    }
}
