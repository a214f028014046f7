namespace OrleansPlatform.Households;

/// <summary>
/// The roster of one village. Households report every version; a report older than what the roster
/// already knows (a retry, a reordered message) changes nothing, so each household is listed once,
/// in the village it lives in now.
/// </summary>
public sealed class VillageRosterGrain(
    [PersistentState("village-roster", PlatformStorage.Name)] IPersistentState<VillageRosterState> state)
    : Grain, IVillageRosterGrain
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <inheritdoc/>
    public async Task UpsertAsync(HouseholdSummary summary)
    {
        var rows = state.State.Households;
        if (rows.TryGetValue(summary.HouseholdId, out var known) && known.Version >= summary.Version)
        {
            return;
        }

        if (state.State.Departed.TryGetValue(summary.HouseholdId, out var leftAt) && leftAt >= summary.Version)
        {
            return;
        }

        state.State.Departed.Remove(summary.HouseholdId);
        rows[summary.HouseholdId] = summary;
        await state.WriteStateAsync();
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string householdId, int version)
    {
        if (state.State.Households.TryGetValue(householdId, out var known) && known.Version > version)
        {
            return;
        }

        if (state.State.Departed.TryGetValue(householdId, out var leftAt) && leftAt >= version)
        {
            return;
        }

        state.State.Households.Remove(householdId);
        state.State.Departed[householdId] = version;
        await state.WriteStateAsync();
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
}
