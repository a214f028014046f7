using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlatform.Areas;
using OrleansPlatform.Households;

namespace OrleansPlatform.Statistics;

/// <summary>
/// Rolls up one county. Village reports only replace older ones in memory and start the rollup timer;
/// on its tick the county recomputes its towns and itself, persists the village reports and pushes its
/// figures to its city and province, then stops the timer until the next change, so an idle county
/// does no work. On activation it asks every village it has stored or finds under it in the area tree
/// to report again, so figures lost with a silo are recovered; a one-minute reminder brings it back
/// after its silo is lost and keeps it active.
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
    private IGrainTimer? _timer;

    // Reports may arrive while a tick awaits (they interleave); they wait here and are merged at the
    // start of the next tick, so the persisted state never changes under a write in progress.
    private readonly Dictionary<string, VersionedCounts> _inbox = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = AreaRules.ParseCode(this.GetPrimaryKeyString());
        Recompute();
        _dirty = true; // push once after activation: the city and province may have missed the last push
        _reconcile = true; // a village that reported only to the lost activation is known to no one else
        EnsureTimer(TimeSpan.Zero);
        await this.RegisterOrUpdateReminder(ReconcileReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
    }

    /// <inheritdoc/>
    public Task ReportVillageAsync(string villageCode, StatsCounts counts, int version)
    {
        var newest = _inbox.TryGetValue(villageCode, out var waiting) ? waiting.Version
            : state.State.Villages.TryGetValue(villageCode, out var known) ? known.Version
            : int.MinValue;
        if (version > newest)
        {
            _inbox[villageCode] = new VersionedCounts(version, counts, clock.GetUtcNow());
            EnsureTimer(options.Value.Period);
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
        // Being called is the point: it reactivates a county lost with its silo (which then reconciles)
        // and keeps an idle one in memory, so its figures need no reload.
        this.DelayDeactivation(TimeSpan.FromMinutes(3));
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        MergeInbox();
        if (_reconcile)
        {
            _reconcile = false;
            await AskVillagesToReportAsync();
            MergeInbox();
        }

        if (!_dirty)
        {
            StopTimerIfIdle();
            return;
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

        StopTimerIfIdle();
    }

    private void MergeInbox()
    {
        foreach (var (village, report) in _inbox)
        {
            if (!state.State.Villages.TryGetValue(village, out var known) || known.Version < report.Version)
            {
                state.State.Villages[village] = report;
                _dirty = true;
            }
        }

        _inbox.Clear();
    }

    private void EnsureTimer(TimeSpan dueTime)
    {
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = dueTime,
            Period = options.Value.Period,
            Interleave = false,
            KeepAlive = true,
        });
    }

    private void StopTimerIfIdle()
    {
        if (!_dirty && !_reconcile && _inbox.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>
    /// Asks every village to report again: those this county has stored and those the area tree lists
    /// under it, since a village whose first report reached only a lost activation is in the tree alone.
    /// </summary>
    private async Task AskVillagesToReportAsync()
    {
        try
        {
            var villages = new HashSet<string>(state.State.Villages.Keys, StringComparer.Ordinal);
            villages.UnionWith(await VillagesInTreeAsync());
            await Task.WhenAll(villages.Select(v => GrainFactory.GetGrain<IVillageRosterGrain>(v).ReportAsync()));
        }
        catch (Exception e)
        {
            _reconcile = true;
            LogPushFailed(logger, e, _code.Value);
        }
    }

    private async Task<IEnumerable<string>> VillagesInTreeAsync()
    {
        if (await GrainFactory.GetGrain<IAreaGrain>(_code.Value).GetAsync() is not { } county)
        {
            return [];
        }

        var towns = await Task.WhenAll(county.Children.Select(t => GrainFactory.GetGrain<IAreaGrain>(t).GetAsync()));
        return towns.OfType<AreaDetails>().SelectMany(t => t.Children);
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
