namespace OrleansPlatform.Households;

/// <summary>A household to create by bulk import: its id and its first stored state.</summary>
public sealed record NewHousehold(string HouseholdId, HouseholdState State);

/// <summary>
/// Household state rows and their members' ID claims read and created many at a time, for bulk import,
/// exports and recounts.
/// The rows are the very rows the household grains read and write (the grain storage's table and
/// format), so a household created here is an ordinary household from then on.
/// </summary>
public interface IHouseholdBulkStore
{
    /// <summary>The stored states of those of <paramref name="householdIds"/> that exist.</summary>
    Task<IReadOnlyDictionary<string, HouseholdState>> ReadAsync(IReadOnlyCollection<string> householdIds);

    /// <summary>Every stored household with its state, streamed in one pass over the table (for recounts).</summary>
    IAsyncEnumerable<(string HouseholdId, HouseholdState State)> ScanAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates, in one transaction, every household that has no row yet and whose members nobody holds,
    /// with its state at version 1 and a claim on each member. Returns the ids created. The others are
    /// left exactly as they were (no row, no claim written for them): a row already there, or a member
    /// held by another household or listed twice in the batch.
    /// </summary>
    Task<IReadOnlySet<string>> CreateAsync(IReadOnlyList<NewHousehold> households, DateTimeOffset now);
}
