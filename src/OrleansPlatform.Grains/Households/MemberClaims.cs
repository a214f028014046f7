using Microsoft.Extensions.Logging;
using OrleansPlatform.Errors;
using OrleansPlatform.People;

namespace OrleansPlatform.Households;

/// <summary>Claims and releases the ID numbers of one household's members through their person grains.</summary>
public sealed partial class MemberClaims(IGrainFactory grains, string householdId, ILogger logger)
{
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
        var outcomes = await Task.WhenAll(ids.Select(async id => (Id: id, Holder: await Person(id).ClaimAsync(householdId))));
        var conflicts = outcomes.Where(o => o.Holder is not null).ToList();
        var claimed = outcomes.Where(o => o.Holder is null).Select(o => o.Id).ToList();
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
            $"A person may belong to one household only: {string.Join("; ", conflicts.Select(c => $"{PathOf(c.Id)} is registered in household {c.Holder}"))}.",
            conflicts.ToDictionary(c => $"{PathOf(c.Id)}.idNumber", c => new[] { $"This person is registered in household {c.Holder}." }));
    }

    /// <summary>Releases claims; a failure is logged, since a claim left behind is taken over when needed.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> ids)
    {
        try
        {
            await Task.WhenAll(ids.Select(id => Person(id).ReleaseAsync(householdId)));
        }
        catch (Exception e) when (e is not DomainException)
        {
            LogReleaseFailed(logger, e, householdId);
        }
    }

    private IPersonGrain Person(string id) => grains.GetGrain<IPersonGrain>(GrainKeys.Person(id));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing ID claims of household {HouseholdId} failed; they will be taken over when needed.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string householdId);
}
