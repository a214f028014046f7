using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.People;

namespace OrleansPlatform.Households;

/// <summary>
/// One registered household. Its record, status and complete history live in one state row, so a
/// version and its history entry are written together or not at all. Members' ID numbers are
/// claimed in the <see cref="IPersonClaimStore"/> before the write and released after it; the village
/// roster is told about every version and re-told on activation, so it converges after any failure.
/// </summary>
// A household is read or written now and then, not continuously: after two idle minutes its memory is
// given back (a province import otherwise kept 406,000 activations, ~6 GB, for the default 15 minutes,
// and collecting them later showed up as idle CPU). The next call reads it again in one key lookup.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class HouseholdGrain(
    [PersistentState("household", PlatformStorage.Name)] IPersistentState<HouseholdState> state,
    IOptions<PovertyLineOptions> lines,
    IPersonClaimStore claims,
    IOptions<PersonClaimOptions> claimOptions,
    IHouseholdBulkStore rows,
    TimeProvider clock,
    ILogger<HouseholdGrain> logger)
    : Grain, IHouseholdGrain
{
    /// <summary>Largest history page a caller may ask for.</summary>
    public const int MaxPageSize = 200;

    private bool _writing;

    // True until the first call after activation: until then the state is the one just read.
    private bool _fresh = true;

    private string HouseholdId => GrainKeys.HouseholdIdOf(this.GetPrimaryKeyString());

    private bool Exists => state.State.Record is not null;

    /// <summary>Exists and lies within the caller's jurisdiction; anything else reads as missing.</summary>
    private bool Visible => Exists && CallerContext.Reaches(state.State.Record!.VillageCode);

    private MemberClaims Claims => new(claims, GrainFactory, claimOptions.Value, clock, HouseholdId, logger);

    private DateOnly Today => ChinaDate.Today(clock);

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Exists)
        {
            // Re-tell the roster once activation is over: a roster settling an announced write asks
            // this grain (ProbeAsync), which it can only answer once activated.
            IGrainTimer? once = null;
            once = this.RegisterGrainTimer(async _ =>
            {
                once?.Dispose();
                await SyncRosterAsync();
            }, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<HouseholdWriteResult> PutAsync(HouseholdRecord record, int? ifMatchVersion)
    {
        await RefreshIfStaleAsync();
        return await WriteAsync(record, ifMatchVersion);
    }

    /// <inheritdoc/>
    public async Task<ImportOutcome> ImportAsync(HouseholdRecord record)
    {
        await RefreshIfStaleAsync();
        var result = await WriteAsync(record, Exists ? state.State.Version : null);
        return result.Created ? ImportOutcome.Created : result.Changed ? ImportOutcome.Updated : ImportOutcome.Unchanged;
    }

    private async Task<HouseholdWriteResult> WriteAsync(HouseholdRecord record, int? ifMatchVersion)
    {
        CallerContext.Require(Permission.WriteHouseholds);
        if (Exists && !CallerContext.Reaches(state.State.Record!.VillageCode))
        {
            throw NotFound(); // outside the caller's jurisdiction: as if it did not exist
        }

        CheckPreconditions(ifMatchVersion);
        HouseholdValidator.Validate(record, Today);
        await CheckVillageAsync(record.VillageCode!);

        var created = !Exists;
        var before = state.State.Record;
        var changes = RecordDiff.Between(before, record);
        if (!created && changes.Count == 0)
        {
            return new HouseholdWriteResult(false, View(), Changed: false); // the same record again: no new version
        }

        var oldIds = MemberClaims.IdNumbers(before);
        var newIds = MemberClaims.IdNumbers(record);
        var claimed = await Claims.ClaimAsync(record, newIds.Except(oldIds).ToList());

        var movedFrom = before is not null && before.VillageCode != record.VillageCode ? before.VillageCode : null;
        var kind = created ? "created" : movedFrom is not null ? "relocated" : "updated";
        await CommitAsync(record.VillageCode!, movedFrom, apply: () =>
        {
            state.State.Record = record;
            state.State.LeftVillage = movedFrom ?? state.State.LeftVillage;
            AppendHistory(kind, changes);
        }, onFailure: () => Claims.ReleaseAsync(claimed));

        await Claims.ReleaseAsync(oldIds.Except(newIds).ToList());
        await SyncRosterAsync();
        return new HouseholdWriteResult(created, View());
    }

    /// <inheritdoc/>
    public async Task<HouseholdView?> GetAsync()
    {
        await RefreshIfStaleAsync();
        return Visible ? View() : null;
    }

    /// <inheritdoc/>
    public async Task<HouseholdView> TransitionAsync(StatusTransition transition)
    {
        CallerContext.Require(Permission.WriteHouseholds);
        var (to, reason, date) = TransitionRules.Validate(transition, Today);
        await RefreshIfStaleAsync();
        if (!Visible)
        {
            throw NotFound();
        }

        TransitionRules.EnsureAllowed(state.State.Record!, state.State.Status, to, date, lines.Value);
        await CommitAsync(state.State.Record!.VillageCode!, movedFrom: null, () =>
            AppendHistory("transition", TransitionRules.Apply(state.State, to, reason, date)));
        await SyncRosterAsync();
        return View();
    }

    /// <inheritdoc/>
    public async Task<ResultPage<HistoryEntry>> GetHistoryAsync(int page, int pageSize)
    {
        await RefreshIfStaleAsync();
        if (!Visible)
        {
            throw NotFound();
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var history = state.State.History;
        var items = Enumerable.Range(0, history.Count)
            .Select(i => history[history.Count - 1 - i])
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToList();
        return new ResultPage<HistoryEntry>(items, page, pageSize, history.Count);
    }

    /// <inheritdoc/>
    public async Task<SummaryProbe> ProbeAsync()
    {
        if (_writing)
        {
            return new SummaryProbe(null, Writing: true);
        }

        var committed = await CommittedStateAsync();
        return new SummaryProbe(committed.Record is null ? null : HouseholdProjection.Summary(HouseholdProjection.View(HouseholdId, committed, Today, lines.Value)), false);
    }

    /// <inheritdoc/>
    public async Task<bool> HasMemberAsync(string idNumber) =>
        (await CommittedStateAsync()).Record?.Members?.Any(m => m.IdNumber == idNumber) == true;

    /// <summary>
    /// Before a call that may write, reads the state again when this activation found no household
    /// some time ago: the household may have been created since by a bulk import, which writes its row
    /// without activating it. The call that activated the grain has just read it and skips this.
    /// </summary>
    private async Task RefreshIfStaleAsync()
    {
        if (!Exists && !_fresh)
        {
            await state.ReadStateAsync();
        }

        _fresh = false;
    }

    /// <summary>
    /// The committed state for calls that interleave with others: like <see cref="RefreshIfStaleAsync"/>,
    /// but reading a stale empty activation's row on the side, so that a concurrent write's state is never replaced.
    /// </summary>
    private async Task<HouseholdState> CommittedStateAsync()
    {
        if (Exists || _fresh || _writing)
        {
            _fresh = false;
            return state.State;
        }

        var stored = await rows.ReadAsync([HouseholdId]);
        return stored.GetValueOrDefault(HouseholdId) ?? state.State;
    }

    private void CheckPreconditions(int? ifMatchVersion)
    {
        if (Exists && ifMatchVersion is null)
        {
            throw new DomainException(
                DomainErrorKind.PreconditionRequired,
                "household.if-match-required",
                $"Household {HouseholdId} exists: send If-Match with its current ETag to replace it.");
        }

        if (ifMatchVersion is { } expected && expected != state.State.Version)
        {
            throw new DomainException(
                DomainErrorKind.PreconditionFailed,
                "household.version-mismatch",
                Exists
                    ? $"Household {HouseholdId} has changed: its current version is {state.State.Version}, not {expected}. Read it again."
                    : $"Household {HouseholdId} does not exist, so If-Match cannot hold.");
        }
    }

    private async Task CheckVillageAsync(string villageCode)
    {
        if (!await VillageReachableAsync(GrainFactory, villageCode))
        {
            throw DomainException.Invalid("villageCode", $"Village {villageCode} does not exist.");
        }
    }

    /// <summary>True when the village exists and lies within the caller's jurisdiction (one outside it reads as missing).</summary>
    internal static async Task<bool> VillageReachableAsync(IGrainFactory grains, string villageCode) =>
        CallerContext.Reaches(villageCode) && await grains.GetGrain<IAreaGrain>(villageCode).ExistsAsync();

    /// <summary>
    /// Writes one new version: announces it to the roster(s) concerned (so its outcome is counted even
    /// if this activation dies before reporting it), applies the change and stores it. On failure the
    /// in-memory state is restored, <paramref name="onFailure"/> runs, and the error propagates.
    /// </summary>
    private async Task CommitAsync(string village, string? movedFrom, Action apply, Func<Task>? onFailure = null)
    {
        var previous = state.State.Copy();
        _writing = true;
        try
        {
            var next = state.State.Version + 1;
            await GrainFactory.GetGrain<IVillageRosterGrain>(village).ExpectAsync(HouseholdId, next);
            if (movedFrom is not null)
            {
                await GrainFactory.GetGrain<IVillageRosterGrain>(movedFrom).ExpectAsync(HouseholdId, next);
            }

            apply();
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            if (onFailure is not null)
            {
                await onFailure();
            }

            throw;
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task SyncRosterAsync()
    {
        try
        {
            var view = View();
            if (state.State.LeftVillage is { } left && left != view.Record.VillageCode)
            {
                await GrainFactory.GetGrain<IVillageRosterGrain>(left).RemoveAsync(HouseholdId, view.Version);
            }

            await GrainFactory.GetGrain<IVillageRosterGrain>(view.Record.VillageCode!).UpsertAsync(HouseholdProjection.Summary(view));
            state.State.LeftVillage = null; // persisted with the next write; re-telling the rosters is idempotent
        }
        catch (Exception e) when (e is not DomainException)
        {
            // The roster is told again on the next write and on the next activation.
            LogRosterSyncFailed(logger, e, HouseholdId);
        }
    }

    private void AppendHistory(string kind, IReadOnlyList<FieldChange> changes)
    {
        state.State.Version++;
        state.State.History.Add(new HistoryEntry(state.State.Version, clock.GetUtcNow(), CallerContext.Actor, kind, changes));
    }

    private HouseholdView View() => HouseholdProjection.View(HouseholdId, state.State, Today, lines.Value);

    private DomainException NotFound() =>
        new(DomainErrorKind.NotFound, "household.not-found", $"Household {HouseholdId} does not exist.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the village roster about household {HouseholdId} failed; it is retried on the next write or activation.")]
    private static partial void LogRosterSyncFailed(ILogger logger, Exception exception, string householdId);
}
