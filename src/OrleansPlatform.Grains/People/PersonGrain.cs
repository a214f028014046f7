using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansPlatform.Households;

namespace OrleansPlatform.People;

/// <summary>
/// Looks up who holds one ID number in the <see cref="IPersonClaimStore"/>. It keeps no state of its
/// own (the claims table is the one arbiter), so any silo may answer locally.
/// </summary>
[StatelessWorker]
public sealed class PersonGrain(IPersonClaimStore store, IOptions<PersonClaimOptions> options, TimeProvider clock) : Grain, IPersonGrain
{
    /// <inheritdoc/>
    public Task<string?> GetHouseholdAsync() =>
        MemberClaims.HolderAsync(store, GrainFactory, options.Value, clock, GrainKeys.IdNumberOf(this.GetPrimaryKeyString()));
}
