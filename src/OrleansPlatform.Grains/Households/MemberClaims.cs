using Microsoft.Extensions.Logging;
using OrleansPlatform.Errors;
using OrleansPlatform.People;

namespace OrleansPlatform.Households;

/// <summary>
/// Claims and releases the ID numbers of one household's members in the <see cref="IPersonClaimStore"/>,
/// which lets only one household hold a person. A claim whose holder no longer lists the person (a
/// write that failed after claiming, a move whose release was lost) is taken over once it is older
/// than <see cref="PersonClaimOptions.SettleTime"/>, so no stale claim blocks anyone.
/// </summary>
public sealed partial class MemberClaims(
    IPersonClaimStore store,
    IGrainFactory grains,
    PersonClaimOptions options,
    TimeProvider clock,
    string householdId,
    ILogger logger)
{
    private const int MaxRounds = 5;

    /// <summary>The ID numbers of a record's members.</summary>
    public static HashSet<string> IdNumbers(HouseholdRecord? record) =>
        (record?.Members ?? []).Select(m => m.IdNumber!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Claims every ID number in <paramref name="ids"/> at once. When any is held by another household,
    /// releases the ones just claimed and throws a 409 naming, per member, the household holding them.
    /// Returns the ids claimed.
    /// </summary>
    public async Task<List<string>> ClaimAsync(HouseholdRecord record, IReadOnlyCollection<string> ids)
    {
        var claimed = new List<string>();
        var conflicts = new List<PersonClaim>();
        var pending = ids;
        for (var round = 1; pending.Count > 0; round++)
        {
            var now = clock.GetUtcNow();
            var held = await store.ClaimFreeAsync(householdId, pending, now);
            var retry = new List<string>();
            var heldIds = new HashSet<string>(held.Select(h => h.IdNumber), StringComparer.Ordinal);
            claimed.AddRange(pending.Where(id => !heldIds.Contains(id)));
            foreach (var claim in held)
            {
                if (claim.HouseholdId == householdId)
                {
                    claimed.Add(claim.IdNumber);
                }
                else if (claim.HouseholdId is null)
                {
                    retry.Add(claim.IdNumber); // claimed by someone else while the statement ran
                }
                else if (now - claim.ClaimedAt < options.SettleTime || await Lists(grains, claim.HouseholdId, claim.IdNumber))
                {
                    conflicts.Add(claim);
                }
                else if (await store.TakeOverAsync(claim.IdNumber, claim.HouseholdId, householdId, now))
                {
                    claimed.Add(claim.IdNumber);
                }
                else
                {
                    retry.Add(claim.IdNumber); // the stale claim moved on meanwhile: look again
                }
            }

            if (retry.Count > 0 && round == MaxRounds)
            {
                await ReleaseAsync(claimed);
                throw new DomainException(
                    DomainErrorKind.Conflict,
                    "household.claims-contended",
                    "Other registrations are claiming the same people right now; send the household again.");
            }

            pending = retry;
        }

        if (conflicts.Count == 0)
        {
            return claimed;
        }

        await ReleaseAsync(claimed);
        var members = record.Members!.Select(m => m.IdNumber).ToList();
        string PathOf(string id) => $"members[{members.IndexOf(id)}]";
        throw new DomainException(
            DomainErrorKind.Conflict,
            "household.person-registered-elsewhere",
            $"A person may belong to one household only: {string.Join("; ", conflicts.Select(c => $"{PathOf(c.IdNumber)} is registered in household {c.HouseholdId}"))}.",
            conflicts.ToDictionary(c => $"{PathOf(c.IdNumber)}.idNumber", c => new[] { $"This person is registered in household {c.HouseholdId}." }));
    }

    /// <summary>Releases claims; a failure is logged, since a claim left behind is taken over when needed.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> ids)
    {
        try
        {
            await store.ReleaseAsync(householdId, ids);
        }
        catch (Exception e) when (e is not DomainException)
        {
            LogReleaseFailed(logger, e, householdId);
        }
    }

    /// <summary>
    /// The household holding a person, or null. A claim still settling is trusted; an older one only
    /// while its holder lists the person.
    /// </summary>
    public static async Task<string?> HolderAsync(IPersonClaimStore store, IGrainFactory grains, PersonClaimOptions options, TimeProvider clock, string idNumber)
    {
        var claim = await store.FindAsync(idNumber);
        if (claim?.HouseholdId is not { } holder)
        {
            return null;
        }

        return clock.GetUtcNow() - claim.ClaimedAt < options.SettleTime || await Lists(grains, holder, idNumber) ? holder : null;
    }

    private static Task<bool> Lists(IGrainFactory grains, string holder, string idNumber) =>
        grains.GetGrain<IHouseholdGrain>(GrainKeys.Household(holder)).HasMemberAsync(idNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing ID claims of household {HouseholdId} failed; they will be taken over when needed.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string householdId);
}
