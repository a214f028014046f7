namespace OrleansPlatform.Households;

/// <summary>The households of one village (keyed by village code), kept current by the households themselves.</summary>
[Alias("OrleansPlatform.IVillageRosterGrain")]
public interface IVillageRosterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Announces that the household is about to write <paramref name="version"/>. Until the outcome is
    /// reported, the roster remembers to ask the household, so a write whose report is lost (a silo
    /// killed in between) is still counted exactly.
    /// </summary>
    [Alias("Expect")]
    Task ExpectAsync(string householdId, int version);

    /// <summary>
    /// <see cref="ExpectAsync"/> for several households at once, each about to write <paramref name="version"/>;
    /// one durable roster write covers them all (bulk import).
    /// </summary>
    [Alias("ExpectMany")]
    Task ExpectManyAsync(IReadOnlyList<string> householdIds, int version);

    /// <summary>Sets the village's rural population (from its area) and reports the village's figures.</summary>
    [Alias("SetRuralPopulation")]
    Task SetRuralPopulationAsync(long? ruralPopulation);

    /// <summary>The village's figures, computed from its rows.</summary>
    [Alias("GetStats")]
    Task<Statistics.AreaStats> GetStatsAsync();

    /// <summary>Reports the village's figures to its county again (used when the county reconciles).</summary>
    [Alias("Report")]
    Task ReportAsync();

    /// <summary>Adds or refreshes a household's row unless a newer version is already known. Idempotent.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(HouseholdSummary summary);

    /// <summary><see cref="UpsertAsync"/> for several households at once, with one durable roster write (bulk import).</summary>
    [Alias("UpsertMany")]
    Task UpsertManyAsync(IReadOnlyList<HouseholdSummary> summaries);

    /// <summary>Removes a household that moved away, unless a newer version is already known. Idempotent.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string householdId, int version);

    /// <summary>Lists the village's households, optionally filtered, ordered by id.</summary>
    [Alias("List")]
    Task<ResultPage<HouseholdSummary>> ListAsync(HouseholdStatus? status, PovertyCause? cause, int page, int pageSize);
}
