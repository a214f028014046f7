using Microsoft.Extensions.DependencyInjection;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Silo.People;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

/// <summary>A database of a build that kept claims in person grains: households stored, no claim row.</summary>
public class ClaimsBackfillTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    [Fact]
    public async Task People_of_households_stored_before_the_claims_table_stay_in_one_household()
    {
        var village = await Synthetic.VillageAsync(fixture.Client);

        var first = Synthetic.Household(village);
        var second = Synthetic.Household(village);
        await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("kept-1")).PutAsync(first, null);
        await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("kept-2")).PutAsync(second, null);
        Assert.True(await fixture.Database.ScalarAsync<long>("WITH gone AS (DELETE FROM platform_person_claim RETURNING 1) SELECT count(*) FROM gone") > 0);
        var backfill = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ClaimsBackfill>();

        var written = await backfill.RunAsync(CancellationToken.None);
        var again = await backfill.RunAsync(CancellationToken.None);

        Assert.Equal((long)(first.Members!.Count + second.Members!.Count), written);
        Assert.Equal(0L, again); // claims exist now: nothing to rebuild
        var person = first.Members![0].IdNumber!;
        Assert.Equal("kept-1", await fixture.Client.GetGrain<IPersonGrain>(GrainKeys.Person(person)).GetHouseholdAsync());
        var intruder = Synthetic.Household(village) with { Members = [first.Members[0]] };
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("intruder")).PutAsync(intruder, null));
        Assert.Equal("household.person-registered-elsewhere", error.Code);
    }
}
