namespace OrleansPlatform.Bench;

/// <summary>How long writing a number of households took.</summary>
public sealed record ImportTiming(long Households, TimeSpan Wall)
{
    /// <summary>Households per second.</summary>
    public double Rate => Households / Wall.TotalSeconds;
}
