using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Demo;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Demo;

public class DemoDataTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    [Fact]
    public async Task Seeding_creates_the_article_chain_and_valid_households_once_one_of_them_able_to_exit()
    {
        var first = await DemoData.SeedAsync(fixture.Client, _ => { });
        var second = await DemoData.SeedAsync(fixture.Client, _ => { });

        Assert.Equal(DemoData.Areas.Count + DemoData.Households.Count, first);
        Assert.Equal(0, second);
        var village = await fixture.Client.GetGrain<IAreaGrain>("610204100201").GetAsync();
        Assert.Equal("Hulu Village", village!.Name);
        Assert.Equal("610204100000", village.ParentCode);
        var roster = await fixture.Client.GetGrain<IVillageRosterGrain>("610204100201").ListAsync(null, null, 1, 50);
        Assert.Equal(DemoData.Households.Select(h => h.Id), roster.Items.Select(h => h.HouseholdId));

        // The demo shows one household able to exit in 2016 and two below the line.
        var views = await Task.WhenAll(DemoData.Households.Select(h =>
            fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household(h.Id)).GetAsync()));

        Assert.Equal(["hulu-002"], views.Where(v => v!.MeetsExitStandard).Select(v => v!.HouseholdId));
        Assert.All(views.Where(v => !v!.MeetsExitStandard), v => Assert.Equal(["income"], v!.UnmetCriteria));
        var proposed = await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("hulu-002"))
            .TransitionAsync(new StatusTransition { To = HouseholdStatus.ExitProposed, EffectiveDate = new DateOnly(2016, 12, 1) });
        Assert.Equal(HouseholdStatus.ExitProposed, proposed.Status);
    }
}
