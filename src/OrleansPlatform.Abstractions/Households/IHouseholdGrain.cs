namespace OrleansPlatform.Households;

/// <summary>One registered household and its full history.</summary>
[Alias("OrleansPlatform.IHouseholdGrain")]
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the household or replaces its record. Replacing needs <paramref name="ifMatchVersion"/>
    /// equal to the current version. Every member's ID number is claimed for this household across
    /// the cluster. A refused write changes nothing anywhere. The caller in the request context is
    /// recorded as the actor; a household or village outside its jurisdiction reads as missing.
    /// </summary>
    [Alias("Put")]
    Task<HouseholdWriteResult> PutAsync(HouseholdRecord record, int? ifMatchVersion);

    /// <summary>
    /// Bulk import: creates the household or replaces its record whatever its current version (the
    /// imported file is the source of truth). The same record again changes nothing (Unchanged).
    /// Checks, claims and jurisdiction as for <see cref="PutAsync"/>.
    /// </summary>
    [Alias("Import")]
    Task<ImportOutcome> ImportAsync(HouseholdRecord record);

    /// <summary>Returns the household, or null when it does not exist or lies outside the caller's jurisdiction.</summary>
    [Alias("Get")]
    Task<HouseholdView?> GetAsync();

    /// <summary>Moves the household to another status, checking the lifecycle and, for exits, the exit standard.</summary>
    [Alias("Transition")]
    Task<HouseholdView> TransitionAsync(StatusTransition transition);

    /// <summary>Every version, newest first, paged.</summary>
    [Alias("History")]
    Task<ResultPage<HistoryEntry>> GetHistoryAsync(int page, int pageSize);

    /// <summary>The roster row of the committed state; answers even while a write is in progress.</summary>
    [Alias("Probe"), Orleans.Concurrency.AlwaysInterleave]
    Task<SummaryProbe> ProbeAsync();

    /// <summary>True when the current record lists the person with this ID number.</summary>
    [Alias("HasMember"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> HasMemberAsync(string idNumber);
}
