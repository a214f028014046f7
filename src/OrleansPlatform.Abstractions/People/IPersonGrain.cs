namespace OrleansPlatform.People;

/// <summary>
/// One resident ID number, keyed by it: records which household holds the person, so that a person
/// belongs to one household in the whole province.
/// </summary>
[Alias("OrleansPlatform.IPersonGrain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the person for <paramref name="householdId"/>. Returns null on success, or the id of the
    /// household that holds the person. A claim left behind by a household that no longer lists the
    /// person is taken over.
    /// </summary>
    [Alias("Claim")]
    Task<string?> ClaimAsync(string householdId);

    /// <summary>Gives up the claim if <paramref name="householdId"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string householdId);

    /// <summary>The household holding the person, or null.</summary>
    [Alias("GetHousehold")]
    Task<string?> GetHouseholdAsync();
}
