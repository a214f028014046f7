namespace OrleansPlatform;

/// <summary>Dates as the province sees them: China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
