using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlatform.Areas;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Households;

/// <summary>
/// The roster of one village and its figures. Households announce each write (<see cref="ExpectAsync"/>)
/// and report its outcome; a report older than what the roster knows changes nothing, so each household
/// is counted once, in the village it lives in now. An announced write whose outcome never arrives (a
/// silo killed in between) is settled by asking the household. Every change of the figures is reported,
/// versioned, to the county; a report that fails, and the first one after activation, is retried each period.
/// Calls interleave: every change is applied in memory at once and made durable by group commit, one
/// state write at a time covering every change made while the previous write ran, so the households
/// of a busy village do not queue behind each other's writes.
/// </summary>
[Reentrant]
public sealed partial class VillageRosterGrain(
    [PersistentState("village-roster", PlatformStorage.Name)] IPersistentState<VillageRosterState> state,
    IOptions<StatisticsOptions> options,
    TimeProvider clock,
    ILogger<VillageRosterGrain> logger)
    : Grain, IVillageRosterGrain
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    private AreaCode _code;
    private IGrainTimer? _timer;
    private bool _reportOwed;
    private StatsCounts? _counts;
    private TaskCompletionSource? _nextWrite;
    private bool _writing;
    private VillageRosterState? _live;

    // When this activation heard each pending announcement. A household is asked only once its write
    // has had a period to report: asking sooner would activate households (a bulk import writes many
    // without activating them) just to learn what their report is about to say. Announcements read
    // from storage, left by an earlier activation, are asked at once.
    private readonly Dictionary<string, DateTimeOffset> _announcedAt = new(StringComparer.Ordinal);

    /// <summary>
    /// The state the grain reads and changes. The storage provider serializes off the grain's thread,
    /// so each write hands it a snapshot and calls go on changing this copy meanwhile.
    /// </summary>
    private VillageRosterState Live => _live ??= state.State;

    private StatsCounts Counts => _counts ??= StatsMath.ForVillage(Live.Households.Values, Live.RuralPopulation);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = AreaRules.ParseCode(this.GetPrimaryKeyString());
        _reportOwed = true; // re-report on activation: the county may have missed the last report
        EnsureTimer();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ExpectAsync(string householdId, int version) => ExpectManyAsync([householdId], version);

    /// <inheritdoc/>
    public async Task ExpectManyAsync(IReadOnlyList<string> householdIds, int version)
    {
        var announced = false;
        var now = clock.GetUtcNow();
        foreach (var householdId in householdIds)
        {
            if (!Live.Pending.TryGetValue(householdId, out var expected) || expected < version)
            {
                Live.Pending[householdId] = version;
                _announcedAt[householdId] = now;
                announced = true;
            }
        }

        if (announced)
        {
            EnsureTimer();
            await PersistAsync();
        }
    }

    /// <inheritdoc/>
    public Task UpsertAsync(HouseholdSummary summary) => UpsertManyAsync([summary]);

    /// <inheritdoc/>
    public async Task UpsertManyAsync(IReadOnlyList<HouseholdSummary> summaries)
    {
        var changed = false;
        var settled = false;
        foreach (var summary in summaries)
        {
            changed |= ApplyUpsert(summary);
            settled |= Settle(summary.HouseholdId, summary.Version);
        }

        if (settled || changed)
        {
            await SaveAsync(changed);
        }
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string householdId, int version)
    {
        var changed = ApplyRemove(householdId, version);
        if (Settle(householdId, version) || changed)
        {
            await SaveAsync(changed);
        }
    }

    /// <inheritdoc/>
    public async Task SetRuralPopulationAsync(long? ruralPopulation)
    {
        if (Live.FiguresVersion > 0 && Live.RuralPopulation == ruralPopulation)
        {
            return;
        }

        Live.RuralPopulation = ruralPopulation;
        await SaveAsync(figuresChanged: true);
    }

    /// <inheritdoc/>
    public Task<AreaStats> GetStatsAsync() => Task.FromResult(
        StatsMath.ToStats(_code, Counts, clock.GetUtcNow(), Live.Households.Count, options.Value.ExitIncidenceThreshold));

    /// <inheritdoc/>
    public async Task ReportAsync()
    {
        await County.ReportVillageAsync(_code.Value, Counts, Live.FiguresVersion);
        _reportOwed = false;
    }

    /// <inheritdoc/>
    public Task<ResultPage<HouseholdSummary>> ListAsync(HouseholdStatus? status, PovertyCause? cause, int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var matching = Live.Households.Values
            .Where(h => status is null || h.Status == status)
            .Where(h => cause is null || h.PrimaryCause == cause)
            .OrderBy(h => h.HouseholdId, StringComparer.Ordinal)
            .ToList();
        var items = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Task.FromResult(new ResultPage<HouseholdSummary>(items, page, pageSize, matching.Count));
    }

    private ICountyStatsGrain County => GrainFactory.GetGrain<ICountyStatsGrain>(CountyOf(_code));

    /// <summary>The county that rolls up a village or town: the code cut after its county digits.</summary>
    public static string CountyOf(AreaCode code) => code.Value[..6] + "000000";

    private bool ApplyUpsert(HouseholdSummary summary)
    {
        var rows = Live.Households;
        if ((rows.TryGetValue(summary.HouseholdId, out var known) && known.Version >= summary.Version)
            || (Live.Departed.TryGetValue(summary.HouseholdId, out var leftAt) && leftAt >= summary.Version))
        {
            return false;
        }

        Live.Departed.Remove(summary.HouseholdId);
        rows[summary.HouseholdId] = summary;
        return true;
    }

    private bool ApplyRemove(string householdId, int version)
    {
        if ((Live.Households.TryGetValue(householdId, out var known) && known.Version > version)
            || (Live.Departed.TryGetValue(householdId, out var leftAt) && leftAt >= version))
        {
            return false;
        }

        var wasListed = Live.Households.Remove(householdId);
        Live.Departed[householdId] = version;
        return wasListed;
    }

    /// <summary>Forgets an announced write once its outcome (or a newer one) arrived; true when something was forgotten.</summary>
    private bool Settle(string householdId, int version)
    {
        if (!Live.Pending.TryGetValue(householdId, out var expected) || expected > version)
        {
            return false;
        }

        _announcedAt.Remove(householdId);
        return Live.Pending.Remove(householdId);
    }

    private async Task SaveAsync(bool figuresChanged)
    {
        if (figuresChanged)
        {
            Live.FiguresVersion++;
            _counts = null;
        }

        await PersistAsync();
        if (figuresChanged)
        {
            await TryReportAsync();
        }
    }

    /// <summary>
    /// Completes once a state write that began after this call has succeeded (group commit). One write
    /// runs at a time; changes made while it runs are covered by the next one, shared by all their callers.
    /// </summary>
    private Task PersistAsync()
    {
        _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var covering = _nextWrite.Task;
        if (!_writing)
        {
            _ = WriteBatchesAsync();
        }

        return covering;
    }

    private async Task WriteBatchesAsync()
    {
        _writing = true;
        try
        {
            while (_nextWrite is { } batch)
            {
                _nextWrite = null; // changes from here on belong to the next batch
                try
                {
                    state.State = Live.Snapshot();
                    await state.WriteStateAsync();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task TryReportAsync()
    {
        try
        {
            await ReportAsync();
        }
        catch (Exception e)
        {
            _reportOwed = true;
            EnsureTimer();
            LogReportFailed(logger, e, _code.Value);
        }
    }

    private void EnsureTimer()
    {
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = options.Value.Period,
            Interleave = false,
            KeepAlive = true,
        });
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        var settled = false;
        var askBefore = clock.GetUtcNow() - options.Value.Period;
        foreach (var (householdId, expected) in Live.Pending.ToList())
        {
            if (_announcedAt.TryGetValue(householdId, out var at) && at > askBefore)
            {
                continue; // announced within the last period: its report is still on its way
            }

            var probe = await GrainFactory.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).ProbeAsync();
            if (probe.Writing)
            {
                continue; // its outcome will be reported
            }

            changed |= probe.Summary is { } summary && summary.VillageCode == _code.Value
                ? ApplyUpsert(summary)
                : ApplyRemove(householdId, probe.Summary?.Version ?? 0); // the committed version: a retried write must still count

            // Calls interleave with this probe: a newer announcement that arrived meanwhile stays pending.
            if (Live.Pending.TryGetValue(householdId, out var now) && now == expected)
            {
                _announcedAt.Remove(householdId);
                settled |= Live.Pending.Remove(householdId);
            }
        }

        if (changed || settled)
        {
            await SaveAsync(changed);
        }

        if (_reportOwed)
        {
            await TryReportAsync();
        }

        if (!_reportOwed && Live.Pending.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting village {Village} to its county failed; retried each period.")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string village);
}
