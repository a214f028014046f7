using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansPlatform.Access;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Households;

/// <summary>
/// Bulk import without a grain activation per household. New households get exactly the state the
/// household grain would write for them (version 1, one "created" entry by the caller), all rows and
/// ID claims of a batch in one transaction, and each village's roster is told once per batch, with the
/// same announce-before-write protocol as single writes. Whatever needs a decision per household (an
/// update, a rejection, a contested person) is handed back to the caller for the household grain.
/// </summary>
[StatelessWorker, Reentrant]
public sealed partial class HouseholdImportGrain(
    IHouseholdBulkStore store,
    IOptions<PovertyLineOptions> lines,
    TimeProvider clock,
    ILogger<HouseholdImportGrain> logger)
    : Grain, IHouseholdImportGrain
{
    /// <summary>Largest batch one call may carry.</summary>
    public const int MaxBatchSize = 1000;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImportOutcome?>> ImportBatchAsync(IReadOnlyList<HouseholdImportItem> households)
    {
        if (households.Count > MaxBatchSize)
        {
            throw DomainException.Invalid("households", $"A batch holds at most {MaxBatchSize} households, not {households.Count}.");
        }

        var outcomes = new ImportOutcome?[households.Count];
        if (CallerContext.Current is { } caller && !caller.Has(Permission.WriteHouseholds))
        {
            return outcomes; // the household grains refuse them one by one, with the reason
        }

        var today = ChinaDate.Today(clock);
        var candidates = await CandidatesAsync(households, today);
        var stored = await store.ReadAsync(candidates.Select(i => households[i].HouseholdId).ToList());
        var fresh = new List<int>();
        foreach (var i in candidates)
        {
            var item = households[i];
            if (!stored.TryGetValue(item.HouseholdId, out var existing))
            {
                fresh.Add(i);
            }
            else if (existing.Record is { } record && CallerContext.Reaches(record.VillageCode) && RecordDiff.Between(record, item.Record).Count == 0)
            {
                outcomes[i] = ImportOutcome.Unchanged;
            }
        }

        if (fresh.Count == 0)
        {
            return outcomes;
        }

        var now = clock.GetUtcNow();
        var actor = CallerContext.Actor;
        var created = fresh.Select(i => new NewHousehold(households[i].HouseholdId, HouseholdState.Created(households[i].Record, now, actor))).ToList();
        var villages = created.GroupBy(h => h.State.Record!.VillageCode!).ToList();

        // Announce first: if this silo dies after the commit, the rosters still learn the outcome by asking the households.
        await Task.WhenAll(villages.Select(v => Roster(v.Key).ExpectManyAsync(v.Select(h => h.HouseholdId).ToList(), 1)));
        var done = await store.CreateAsync(created, now);
        await Task.WhenAll(villages.Select(v => ReportAsync(v.Key, v.Where(h => done.Contains(h.HouseholdId)).ToList(), today)));
        foreach (var i in fresh)
        {
            if (done.Contains(households[i].HouseholdId))
            {
                outcomes[i] = ImportOutcome.Created;
            }
        }

        return outcomes;
    }

    /// <summary>Indexes of the households that pass every check a household grain would make before writing; the first of any id only.</summary>
    private async Task<List<int>> CandidatesAsync(IReadOnlyList<HouseholdImportItem> households, DateOnly today)
    {
        var valid = new List<int>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < households.Count; i++)
        {
            var item = households[i];
            if (item?.HouseholdId is null || !ids.Add(item.HouseholdId))
            {
                continue;
            }

            try
            {
                HouseholdValidator.ValidateId(item.HouseholdId);
                HouseholdValidator.Validate(item.Record, today);
                valid.Add(i);
            }
            catch (DomainException)
            {
                // left for the household grain, which rejects it with the reason
            }
        }

        var villages = valid.Select(i => households[i].Record.VillageCode!).Distinct(StringComparer.Ordinal).ToList();
        var reachable = await Task.WhenAll(villages.Select(v => HouseholdGrain.VillageReachableAsync(GrainFactory, v)));
        var known = villages.Where((_, k) => reachable[k]).ToHashSet(StringComparer.Ordinal);
        return valid.Where(i => known.Contains(households[i].Record.VillageCode!)).ToList();
    }

    private async Task ReportAsync(string village, List<NewHousehold> created, DateOnly today)
    {
        if (created.Count == 0)
        {
            return; // the announcements are settled by asking the households
        }

        try
        {
            await Roster(village).UpsertManyAsync(created
                .Select(h => HouseholdProjection.Summary(HouseholdProjection.View(h.HouseholdId, h.State, today, lines.Value)))
                .ToList());
        }
        catch (Exception e) when (e is not DomainException)
        {
            // Announced, so the roster settles these by asking the households.
            LogReportFailed(logger, e, village, created.Count);
        }
    }

    private IVillageRosterGrain Roster(string village) => GrainFactory.GetGrain<IVillageRosterGrain>(village);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the roster of village {Village} about {Count} imported households failed; it settles them by asking the households.")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string village, int count);
}
