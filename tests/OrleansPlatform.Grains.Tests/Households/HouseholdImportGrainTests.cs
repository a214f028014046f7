using OrleansPlatform.Access;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

/// <summary>Bulk import: households created many at a time without a grain each, everything else handed back.</summary>
public class HouseholdImportGrainTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private IHouseholdGrain Household(string id) => Client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id));

    private IHouseholdImportGrain Importer => Client.GetGrain<IHouseholdImportGrain>(0);

    private Task<string?> HolderAsync(HouseholdRecord record, int member) =>
        Client.GetGrain<IPersonGrain>(GrainKeys.Person(record.Members![member].IdNumber!)).GetHouseholdAsync();

    private static string NewId() => $"BK-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task New_households_are_created_whole_and_the_same_file_again_changes_nothing()
    {
        var village = await Synthetic.VillageAsync(Client);
        var items = Enumerable.Range(0, 3).Select(_ => new HouseholdImportItem(NewId(), Synthetic.Household(village))).ToList();
        Assert.Null(await Household(items[0].HouseholdId).GetAsync()); // an activation that found nothing stays in memory

        IReadOnlyList<ImportOutcome?> outcomes;
        using (CallerContext.Use(new Caller("clerk-bulk", Role.DataEntry, village)))
        {
            outcomes = await Importer.ImportBatchAsync(items);
        }

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Created, ImportOutcome.Created], outcomes);
        foreach (var item in items)
        {
            var view = await Household(item.HouseholdId).GetAsync();
            Assert.NotNull(view); // the activation that had found nothing reads the new row
            Assert.Equal(1, view.Version);
            Assert.Empty(RecordDiff.Between(item.Record, view.Record));
            var history = await Household(item.HouseholdId).GetHistoryAsync(1, 10);
            var created = Assert.Single(history.Items);
            Assert.Equal(("created", "clerk-bulk"), (created.Kind, created.Actor));
            Assert.Equal(item.HouseholdId, await HolderAsync(item.Record, 1));
        }

        var roster = await Client.GetGrain<IVillageRosterGrain>(village).ListAsync(null, null, 1, 500);
        Assert.All(items, item => Assert.Equal(1, roster.Items.Single(s => s.HouseholdId == item.HouseholdId).Version));

        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged, ImportOutcome.Unchanged], await Importer.ImportBatchAsync(items));
        var changed = items[2] with { Record = items[2].Record with { PrimaryCause = PovertyCause.Illness } };
        Assert.Equal([null], await Importer.ImportBatchAsync([changed])); // an update is the household grain's
        Assert.Equal(ImportOutcome.Updated, await Household(changed.HouseholdId).ImportAsync(changed.Record));
        Assert.Equal(2, (await Household(changed.HouseholdId).GetAsync())!.Version);
    }

    [Fact]
    public async Task Households_the_batch_cannot_decide_are_handed_back_with_nothing_of_them_written()
    {
        var village = await Synthetic.VillageAsync(Client);
        var holder = Synthetic.Household(village);
        var holderId = NewId();
        await Household(holderId).PutAsync(holder, null);
        var shared = Synthetic.Member(Relation.Child, 12);

        var claimsHeldPerson = Synthetic.Household(village) with { Members = [Synthetic.Member(Relation.Head, 50), holder.Members![1]] };
        var valid = Synthetic.Household(village);
        var missingVillage = Synthetic.Household("610204100299");
        var first = Synthetic.Household(village, 2000m, shared);
        var second = Synthetic.Household(village, 2000m, shared);
        var noHead = Synthetic.Household(village) with { Members = [Synthetic.Member(Relation.Spouse, 40, Sex.Female)] };
        var items = new List<HouseholdImportItem>
        {
            new(NewId(), claimsHeldPerson), new(NewId(), valid), new(NewId(), missingVillage),
            new(NewId(), first), new(NewId(), second), new(NewId(), noHead),
        };
        items.Add(items[1] with { Record = Synthetic.Household(village) }); // the same id twice: the first only

        var outcomes = await Importer.ImportBatchAsync(items);

        Assert.Equal([null, ImportOutcome.Created, null, ImportOutcome.Created, null, null, null], outcomes);
        foreach (var i in new[] { 0, 2, 4, 5 })
        {
            Assert.Null(await Household(items[i].HouseholdId).GetAsync());
        }

        Assert.Equal(holderId, await HolderAsync(claimsHeldPerson, 1));
        Assert.Null(await HolderAsync(claimsHeldPerson, 0)); // claimed in the transaction, given back with its household
        Assert.Null(await HolderAsync(second, 0));
        Assert.Equal(items[3].HouseholdId, await HolderAsync(second, 2)); // the shared child went to the first
        Assert.Empty(RecordDiff.Between(valid, (await Household(items[1].HouseholdId).GetAsync())!.Record));

        // Handed back, the household grain gives the reason.
        var refused = await Assert.ThrowsAsync<DomainException>(() => Household(items[0].HouseholdId).ImportAsync(claimsHeldPerson));
        Assert.Equal("household.person-registered-elsewhere", refused.Code);
    }

    [Fact]
    public async Task A_caller_who_may_not_write_gets_every_household_handed_back()
    {
        var village = await Synthetic.VillageAsync(Client);
        var item = new HouseholdImportItem(NewId(), Synthetic.Household(village));

        using (CallerContext.Use(new Caller("viewer-bulk", Role.Viewer, village)))
        {
            Assert.Equal([null], await Importer.ImportBatchAsync([item]));
        }

        Assert.Null(await Household(item.HouseholdId).GetAsync());
    }
}
