namespace OrleansPlatform.Statistics;

/// <summary>Settings of the statistics rollup (configuration section <c>Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    /// <summary>How often a county rolls up its villages, and how often pending work is retried.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Poverty incidence below which a village or county is eligible to exit (3% in the western provinces).</summary>
    public decimal ExitIncidenceThreshold { get; set; } = 0.03m;
}
