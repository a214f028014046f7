using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansPlatform.Access;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Households;

/// <summary>Reads households many at a time straight from their stored rows (see <see cref="IHouseholdReaderGrain"/>).</summary>
[StatelessWorker, Reentrant]
public sealed class HouseholdReaderGrain(
    IHouseholdBulkStore store,
    IOptions<PovertyLineOptions> lines,
    TimeProvider clock)
    : Grain, IHouseholdReaderGrain
{
    /// <summary>Most households one call may ask for.</summary>
    public const int MaxBatchSize = 1000;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HouseholdView?>> GetManyAsync(IReadOnlyList<string> householdIds)
    {
        if (householdIds.Count > MaxBatchSize)
        {
            throw DomainException.Invalid("householdIds", $"At most {MaxBatchSize} households per call, not {householdIds.Count}.");
        }

        var stored = await store.ReadAsync(householdIds.Distinct(StringComparer.Ordinal).ToList());
        var today = ChinaDate.Today(clock);
        return householdIds
            .Select(id => stored.TryGetValue(id, out var state) && state.Record is { } record && CallerContext.Reaches(record.VillageCode)
                ? HouseholdProjection.View(id, state, today, lines.Value)
                : null)
            .ToList();
    }
}
