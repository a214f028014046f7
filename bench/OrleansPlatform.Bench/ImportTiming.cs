namespace OrleansPlatform.Bench;

/// <summary>How long writing all households took, and how long the first <see cref="Sample"/> of them took.</summary>
public sealed record ImportTiming(long Households, TimeSpan Wall, long Sample, TimeSpan SampleWall)
{
    /// <summary>Households per second over the sample: the registration throughput figure.</summary>
    public double SampleRate => Sample / SampleWall.TotalSeconds;

    /// <summary>Households per second over the whole import.</summary>
    public double Rate => Households / Wall.TotalSeconds;
}
