using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>
/// Rolls up one county. Village reports only replace older ones in memory; on each timer tick, and only
/// when something changed, the county recomputes its towns and itself, persists the village reports
/// and pushes its figures to its city and province. On activation, and by a reminder, it asks every
/// village it knows to report again, so figures lost with a silo are recovered.
/// </summary>
public sealed partial class CountyStatsGrain(
    [PersistentState("county-stats", PlatformStorage.Name)] IPersistentState<CountyStatsState> state,
    IOptions<StatisticsOptions> options,
    TimeProvider clock,
    ILogger<CountyStatsGrain> logger)
    : Grain, ICountyStatsGrain, IRemindable
{
    private const string ReconcileReminder = "reconcile";

    private AreaCode _code;
    private bool _dirty;
    private bool _reconcile;
    private StatsCounts _county = StatsCounts.Empty;
    private Dictionary<string, (StatsCounts Counts, int Villages)> _towns = new(StringComparer.Ordinal);
    private DateTimeOffset _asOf;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = AreaRules.ParseCode(this.GetPrimaryKeyString());
        Recompute();
        _dirty = true; // push once after activation: the city and province may have missed the last push
        _reconcile = state.State.Villages.Count > 0;
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = options.Value.Period,
            Interleave = false,
            KeepAlive = true,
        });
        await this.RegisterOrUpdateReminder(ReconcileReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
    }

    /// <inheritdoc/>
    public Task ReportVillageAsync(string villageCode, StatsCounts counts, int version)
    {
        if (!state.State.Villages.TryGetValue(villageCode, out var known) || known.Version < version)
        {
            state.State.Villages[villageCode] = new VersionedCounts(version, counts, clock.GetUtcNow());
            _dirty = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<AreaStats> GetStatsAsync(string code)
    {
        var area = AreaRules.ParseCode(code);
        var threshold = options.Value.ExitIncidenceThreshold;
        if (area == _code)
        {
            return Task.FromResult(StatsMath.ToStats(area, _county, _asOf, state.State.Villages.Count, threshold));
        }

        var (counts, villages) = _towns.TryGetValue(code, out var town) ? town : (StatsCounts.Empty, 0);
        return Task.FromResult(StatsMath.ToStats(area, counts, _asOf, villages, threshold));
    }

    /// <inheritdoc/>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reconcile = true;
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_reconcile)
        {
            _reconcile = false;
            await AskVillagesToReportAsync();
        }

        if (!_dirty)
        {
            return; // nothing changed: no work
        }

        _dirty = false;
        Recompute();
        state.State.Version++;
        try
        {
            await state.WriteStateAsync(cancellationToken);
            var city = _code.Value[..4] + "00000000";
            var province = _code.Value[..2] + "0000000000";
            await Task.WhenAll(
                GrainFactory.GetGrain<IRegionStatsGrain>(city).ReportCountyAsync(_code.Value, _county, state.State.Version, _asOf),
                GrainFactory.GetGrain<IRegionStatsGrain>(province).ReportCountyAsync(_code.Value, _county, state.State.Version, _asOf));
        }
        catch (Exception e)
        {
            _dirty = true; // try again next tick
            LogPushFailed(logger, e, _code.Value);
        }
    }

    private async Task AskVillagesToReportAsync()
    {
        try
        {
            await Task.WhenAll(state.State.Villages.Keys.Select(v => GrainFactory.GetGrain<IVillageRosterGrain>(v).ReportAsync()));
        }
        catch (Exception e)
        {
            _reconcile = true;
            LogPushFailed(logger, e, _code.Value);
        }
    }

    private void Recompute()
    {
        var villages = state.State.Villages;
        _county = StatsCounts.Sum(villages.Values.Select(v => v.Counts));
        _towns = villages
            .GroupBy(v => v.Key[..9] + "000", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (StatsCounts.Sum(g.Select(v => v.Value.Counts)), g.Count()), StringComparer.Ordinal);
        _asOf = clock.GetUtcNow();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "County {County} could not finish its rollup; retried next period.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string county);
}
