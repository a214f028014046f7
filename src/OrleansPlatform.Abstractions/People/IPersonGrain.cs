namespace OrleansPlatform.People;

/// <summary>
/// One resident ID number, keyed by it: tells which household holds the person (a person belongs to
/// one household in the whole province; households claim their members when they are written).
/// </summary>
[Alias("OrleansPlatform.IPersonGrain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>The household holding the person, or null.</summary>
    [Alias("GetHousehold")]
    Task<string?> GetHouseholdAsync();
}
