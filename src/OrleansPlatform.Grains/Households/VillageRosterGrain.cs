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
/// </summary>
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

    private StatsCounts Counts => _counts ??= StatsMath.ForVillage(state.State.Households.Values, state.State.RuralPopulation);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = AreaRules.ParseCode(this.GetPrimaryKeyString());
        _reportOwed = true; // re-report on activation: the county may have missed the last report
        EnsureTimer();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task ExpectAsync(string householdId, int version)
    {
        if (state.State.Pending.TryGetValue(householdId, out var expected) && expected >= version)
        {
            return;
        }

        state.State.Pending[householdId] = version;
        await state.WriteStateAsync();
        EnsureTimer();
    }

    /// <inheritdoc/>
    public async Task UpsertAsync(HouseholdSummary summary)
    {
        var changed = ApplyUpsert(summary);
        if (Settle(summary.HouseholdId, summary.Version) || changed)
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
        if (state.State.FiguresVersion > 0 && state.State.RuralPopulation == ruralPopulation)
        {
            return;
        }

        state.State.RuralPopulation = ruralPopulation;
        await SaveAsync(figuresChanged: true);
    }

    /// <inheritdoc/>
    public Task<AreaStats> GetStatsAsync() => Task.FromResult(
        StatsMath.ToStats(_code, Counts, clock.GetUtcNow(), state.State.Households.Count, options.Value.ExitIncidenceThreshold));

    /// <inheritdoc/>
    public async Task ReportAsync()
    {
        await County.ReportVillageAsync(_code.Value, Counts, state.State.FiguresVersion);
        _reportOwed = false;
    }

    /// <inheritdoc/>
    public Task<ResultPage<HouseholdSummary>> ListAsync(HouseholdStatus? status, PovertyCause? cause, int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var matching = state.State.Households.Values
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
        var rows = state.State.Households;
        if ((rows.TryGetValue(summary.HouseholdId, out var known) && known.Version >= summary.Version)
            || (state.State.Departed.TryGetValue(summary.HouseholdId, out var leftAt) && leftAt >= summary.Version))
        {
            return false;
        }

        state.State.Departed.Remove(summary.HouseholdId);
        rows[summary.HouseholdId] = summary;
        return true;
    }

    private bool ApplyRemove(string householdId, int version)
    {
        if ((state.State.Households.TryGetValue(householdId, out var known) && known.Version > version)
            || (state.State.Departed.TryGetValue(householdId, out var leftAt) && leftAt >= version))
        {
            return false;
        }

        var wasListed = state.State.Households.Remove(householdId);
        state.State.Departed[householdId] = version;
        return wasListed;
    }

    /// <summary>Forgets an announced write once its outcome (or a newer one) arrived; true when something was forgotten.</summary>
    private bool Settle(string householdId, int version) =>
        state.State.Pending.TryGetValue(householdId, out var expected) && expected <= version && state.State.Pending.Remove(householdId);

    private async Task SaveAsync(bool figuresChanged)
    {
        if (figuresChanged)
        {
            state.State.FiguresVersion++;
            _counts = null;
        }

        await state.WriteStateAsync();
        if (figuresChanged)
        {
            await TryReportAsync();
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
        foreach (var householdId in state.State.Pending.Keys.ToList())
        {
            var probe = await GrainFactory.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId)).ProbeAsync();
            if (probe.Writing)
            {
                continue; // its outcome will be reported
            }

            changed |= probe.Summary is { } summary && summary.VillageCode == _code.Value
                ? ApplyUpsert(summary)
                : ApplyRemove(householdId, probe.Summary?.Version ?? 0); // the committed version: a retried write must still count
            settled |= state.State.Pending.Remove(householdId);
        }

        if (changed || settled)
        {
            await SaveAsync(changed);
        }

        if (_reportOwed)
        {
            await TryReportAsync();
        }

        if (!_reportOwed && state.State.Pending.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting village {Village} to its county failed; retried each period.")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string village);
}
