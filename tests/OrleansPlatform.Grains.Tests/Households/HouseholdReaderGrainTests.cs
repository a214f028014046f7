using System.Text.Json;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

/// <summary>Households read many at a time from their rows answer exactly as their grains do.</summary>
public class HouseholdReaderGrainTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private IHouseholdGrain Household(string id) => Client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id));

    private static string NewId() => $"RD-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task Views_match_the_grains_and_missing_or_out_of_reach_households_are_null()
    {
        var village = await Synthetic.VillageAsync(Client);
        const string other = "610204100202";
        await Client.GetGrain<IAreaGrain>(other).UpsertAsync(new AreaInput("Neighbouring Village", null));
        var (updated, plain, elsewhere, missing) = (NewId(), NewId(), NewId(), NewId());
        await Household(updated).PutAsync(Synthetic.Household(village), null);
        await Household(updated).PutAsync(Synthetic.Household(village) with { PrimaryCause = PovertyCause.Illness }, 1);
        await Household(plain).PutAsync(Synthetic.Household(village), null);
        await Household(elsewhere).PutAsync(Synthetic.Household(other), null);

        using (CallerContext.Use(new Caller("reader-clerk", Role.DataEntry, village)))
        {
            string[] ids = [updated, missing, elsewhere, plain];
            var views = await Client.GetGrain<IHouseholdReaderGrain>(0).GetManyAsync(ids);

            Assert.Equal(4, views.Count);
            Assert.Null(views[1]);
            Assert.Null(views[2]); // in another village, outside this clerk's reach
            Assert.Equal(2, views[0]!.Version);
            foreach (var i in new[] { 0, 3 })
            {
                Assert.Equal(JsonSerializer.Serialize(await Household(ids[i]).GetAsync()), JsonSerializer.Serialize(views[i]));
            }

            await Assert.ThrowsAsync<DomainException>(() => Client.GetGrain<IHouseholdReaderGrain>(0).GetManyAsync(Enumerable.Repeat(plain, 1001).ToList()));
        }
    }
}
