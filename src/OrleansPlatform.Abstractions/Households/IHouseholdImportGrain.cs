namespace OrleansPlatform.Households;

/// <summary>One household of an import batch: its id and the record the file gives it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.HouseholdImportItem")]
public sealed record HouseholdImportItem([property: Id(0)] string HouseholdId, [property: Id(1)] HouseholdRecord Record);

/// <summary>
/// Bulk import of many households per call. New households are created together (one transaction for
/// their rows and ID claims, one roster write per village) and households whose stored record is the
/// same are confirmed without activating them; everything else is left for
/// <see cref="IHouseholdGrain.ImportAsync"/>, which checks, rejects or updates it one by one.
/// </summary>
[Alias("OrleansPlatform.IHouseholdImportGrain")]
public interface IHouseholdImportGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Imports <paramref name="households"/> as the caller in the request context. Returns, per item in
    /// order, <see cref="ImportOutcome.Created"/> or <see cref="ImportOutcome.Unchanged"/> when done
    /// here, or null when the caller must send that household through <see cref="IHouseholdGrain.ImportAsync"/>
    /// (an update, anything invalid or outside the caller's reach, a person claimed elsewhere, an id twice).
    /// </summary>
    [Alias("ImportBatch")]
    Task<IReadOnlyList<ImportOutcome?>> ImportBatchAsync(IReadOnlyList<HouseholdImportItem> households);
}
