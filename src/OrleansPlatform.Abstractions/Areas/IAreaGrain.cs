namespace OrleansPlatform.Areas;

/// <summary>An administrative area (province to village), keyed by its 12-digit code.</summary>
[Alias("OrleansPlatform.IAreaGrain")]
public interface IAreaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the area or updates its name and population. The parent area must exist
    /// (a province needs none). Nothing is written when the input is invalid.
    /// </summary>
    [Alias("Upsert")]
    Task<AreaUpsertResult> UpsertAsync(AreaInput input);

    /// <summary>Returns the area, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<AreaDetails?> GetAsync();

    /// <summary>True when the area exists.</summary>
    [Alias("Exists")]
    Task<bool> ExistsAsync();

    /// <summary>
    /// Records <paramref name="childCode"/> as a direct child. Idempotent. Returns false (and records
    /// nothing) when this area does not exist.
    /// </summary>
    [Alias("AddChild")]
    Task<bool> AddChildAsync(string childCode);
}
