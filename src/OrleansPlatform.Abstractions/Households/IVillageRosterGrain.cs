namespace OrleansPlatform.Households;

/// <summary>The households of one village (keyed by village code), kept current by the households themselves.</summary>
[Alias("OrleansPlatform.IVillageRosterGrain")]
public interface IVillageRosterGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a household's row unless a newer version is already known. Idempotent.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(HouseholdSummary summary);

    /// <summary>Removes a household that moved away, unless a newer version is already known. Idempotent.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string householdId, int version);

    /// <summary>Lists the village's households, optionally filtered, ordered by id.</summary>
    [Alias("List")]
    Task<ResultPage<HouseholdSummary>> ListAsync(HouseholdStatus? status, PovertyCause? cause, int page, int pageSize);
}
