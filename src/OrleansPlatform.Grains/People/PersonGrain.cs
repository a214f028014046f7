using Microsoft.Extensions.Options;
using OrleansPlatform.Households;

namespace OrleansPlatform.People;

/// <summary>
/// One ID number. Being a single activation in the cluster, it serialises competing claims: of two
/// households claiming the same person from different silos exactly one wins. A claim whose holder
/// no longer lists the person (a write that failed after claiming, a move whose release was lost)
/// is taken over once it is older than <see cref="PersonClaimOptions.SettleTime"/>, so no stale claim blocks anyone.
/// </summary>
public sealed class PersonGrain(
    [PersistentState("person", PlatformStorage.Name)] IPersistentState<PersonState> state,
    IOptions<PersonClaimOptions> options,
    TimeProvider clock)
    : Grain, IPersonGrain
{
    private string IdNumber => GrainKeys.IdNumberOf(this.GetPrimaryKeyString());

    /// <inheritdoc/>
    public async Task<string?> ClaimAsync(string householdId)
    {
        var holder = state.State.HouseholdId;
        if (holder is not null && holder != householdId)
        {
            if (IsFresh || await HolderListsPersonAsync(holder))
            {
                return holder;
            }
        }

        if (holder != householdId)
        {
            state.State.HouseholdId = householdId;
            state.State.ClaimedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }

        return null;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string householdId)
    {
        if (state.State.HouseholdId == householdId)
        {
            state.State.HouseholdId = null;
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc/>
    public async Task<string?> GetHouseholdAsync()
    {
        var holder = state.State.HouseholdId;
        if (holder is null)
        {
            return null;
        }

        return IsFresh || await HolderListsPersonAsync(holder) ? holder : null;
    }

    private bool IsFresh => clock.GetUtcNow() - state.State.ClaimedAt < options.Value.SettleTime;

    private Task<bool> HolderListsPersonAsync(string holder) =>
        GrainFactory.GetGrain<IHouseholdGrain>(GrainKeys.Household(holder)).HasMemberAsync(IdNumber);
}
