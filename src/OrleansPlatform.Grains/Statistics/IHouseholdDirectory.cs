namespace OrleansPlatform.Statistics;

/// <summary>Lists every registered household id straight from storage (the registry), for recounts.</summary>
public interface IHouseholdDirectory
{
    /// <summary>Every household id that has a stored record.</summary>
    Task<IReadOnlyList<string>> AllHouseholdIdsAsync(CancellationToken cancellationToken);
}
