namespace OrleansPlatform.People;

/// <summary>Which household holds a person's ID number, and since when.</summary>
public sealed record PersonClaim(string IdNumber, string? HouseholdId, DateTimeOffset ClaimedAt);

/// <summary>
/// The registry of claimed ID numbers: one row per person, keyed by the ID number, so the database
/// itself lets only one household hold a person. A household claims all its new members in one call.
/// </summary>
public interface IPersonClaimStore
{
    /// <summary>
    /// Claims, for <paramref name="householdId"/>, every ID number that nobody holds. Returns the claims
    /// of the others as they stand (held by this or another household). A returned claim without a
    /// household is one released while this call ran: ask again.
    /// </summary>
    Task<IReadOnlyList<PersonClaim>> ClaimFreeAsync(string householdId, IReadOnlyCollection<string> idNumbers, DateTimeOffset now);

    /// <summary>Moves a claim from <paramref name="from"/> to <paramref name="householdId"/> if <paramref name="from"/> still holds it.</summary>
    Task<bool> TakeOverAsync(string idNumber, string from, string householdId, DateTimeOffset now);

    /// <summary>Gives up the claims <paramref name="householdId"/> holds on these ID numbers.</summary>
    Task ReleaseAsync(string householdId, IReadOnlyCollection<string> idNumbers);

    /// <summary>The claim on an ID number, or null when nobody holds it.</summary>
    Task<PersonClaim?> FindAsync(string idNumber);
}
