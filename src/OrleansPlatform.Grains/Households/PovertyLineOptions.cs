using OrleansPlatform.Households;

namespace OrleansPlatform.Households;

/// <summary>
/// Poverty lines in yuan per person per year, by standard and year: configuration data
/// (section <c>PovertyLines</c>), e.g. <c>"national": { "2016": 2952 }</c>.
/// </summary>
public sealed class PovertyLineOptions
{
    /// <summary>Lines of the national standard by year.</summary>
    public Dictionary<int, decimal> National { get; } = [];

    /// <summary>Lines of the provincial standard by year.</summary>
    public Dictionary<int, decimal> Provincial { get; } = [];

    /// <summary>Lines of the city standard by year.</summary>
    public Dictionary<int, decimal> City { get; } = [];

    /// <summary>Multiple of the line below which an exited household is monitored for return to poverty.</summary>
    public decimal MonitoringFactor { get; set; } = 1.5m;

    /// <summary>The line for a standard and year, or null when none is configured.</summary>
    public decimal? LineFor(PovertyStandard standard, int year)
    {
        var lines = standard switch
        {
            PovertyStandard.Provincial => Provincial,
            PovertyStandard.City => City,
            _ => National,
        };
        return lines.TryGetValue(year, out var line) ? line : null;
    }
}
