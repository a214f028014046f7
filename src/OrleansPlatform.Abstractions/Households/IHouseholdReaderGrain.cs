namespace OrleansPlatform.Households;

/// <summary>
/// Many households read at once from their stored rows, without activating a grain for each: for
/// exports and other reads of whole areas. A household's stored row is its last committed version,
/// the same one its grain would answer with.
/// </summary>
[Alias("OrleansPlatform.IHouseholdReaderGrain")]
public interface IHouseholdReaderGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The views of <paramref name="householdIds"/> (at most 1,000), in order; null for a household that
    /// does not exist or lies outside the jurisdiction of the caller in the request context, exactly
    /// where <see cref="IHouseholdGrain.GetAsync"/> would answer null.
    /// </summary>
    [Alias("GetMany")]
    Task<IReadOnlyList<HouseholdView?>> GetManyAsync(IReadOnlyList<string> householdIds);
}
