using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

public class HouseholdGrainTests(PlatformClusterFixture fixture) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private const string VillageA = "610204100201";
    private const string VillageB = "610204100202";
    private static readonly DateOnly Exit2016 = new(2016, 12, 1);

    private IClusterClient Client => fixture.Client;

    public async Task InitializeAsync()
    {
        foreach (var (code, name) in new[]
        {
            ("610000000000", "Shaanxi"), ("610200000000", "Tongchuan"), ("610204000000", "Yaozhou"),
            ("610204100000", "Yaoqu"), (VillageA, "Hulu"), (VillageB, "Shuangqiao"),
        })
        {
            await Client.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput(name, 1000));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IHouseholdGrain Household(string id) => Client.GetGrain<IHouseholdGrain>(GrainKeys.Household(id));

    private static string NewId() => $"HH-{Guid.NewGuid():N}"[..20];

    private async Task<HouseholdView> CreateAsync(string id, HouseholdRecord record) =>
        (await Household(id).PutAsync(record, null)).Household;

    private Task<HouseholdView> MoveAsync(string id, HouseholdStatus to, string? reason = null) =>
        Household(id).TransitionAsync(new StatusTransition { To = to, Reason = reason, EffectiveDate = Exit2016 });

    [Fact]
    public async Task A_caller_outside_the_households_village_finds_nothing_to_read_or_change()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA));
        var neighbour = new Caller("clerk-b", Role.DataEntry, VillageB);

        using (CallerContext.Use(neighbour))
        {
            Assert.Null(await Household(id).GetAsync());
            Assert.Equal(DomainErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => Household(id).GetHistoryAsync(1, 10))).Kind);
            Assert.Equal(DomainErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(created.Record with { VillageCode = VillageB }, created.Version))).Kind);
            Assert.Equal(DomainErrorKind.NotFound, (await Assert.ThrowsAsync<DomainException>(() => MoveAsync(id, HouseholdStatus.Removed, "duplicate"))).Kind);
        }

        Assert.Equal(created.Version, (await Household(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task A_village_outside_the_jurisdiction_is_refused_like_a_missing_one_and_a_reader_cannot_write()
    {
        var clerk = new Caller("clerk-a", Role.DataEntry, VillageA);
        var viewer = new Caller("viewer-a", Role.Viewer, VillageA);
        var id = NewId();

        using (CallerContext.Use(clerk))
        {
            var outside = await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(Synthetic.Household(VillageB), null));
            Assert.Equal(["villageCode"], outside.Errors!.Keys);
            Assert.Contains("does not exist", outside.Message, StringComparison.Ordinal);
        }

        using (CallerContext.Use(viewer))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(Synthetic.Household(VillageA), null));
            Assert.Equal(DomainErrorKind.Forbidden, refused.Kind);
        }

        Assert.Null(await Household(id).GetAsync());
    }

    [Fact]
    public async Task A_household_below_the_line_cannot_exit_until_its_income_rises_then_walks_the_lifecycle()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA, perCapita2016: 2000m));
        Assert.Equal(HouseholdStatus.Registered, created.Status);
        Assert.Equal(["income"], created.UnmetCriteria);

        var refused = await Assert.ThrowsAsync<DomainException>(() => MoveAsync(id, HouseholdStatus.ExitProposed));
        Assert.Equal(DomainErrorKind.Unprocessable, refused.Kind);
        Assert.Equal(["income"], refused.Errors!.Keys);

        var richer = Synthetic.Household(VillageA, 3500m) with { Members = created.Record.Members };
        await Household(id).PutAsync(richer, created.Version);
        Assert.Equal(HouseholdStatus.ExitProposed, (await MoveAsync(id, HouseholdStatus.ExitProposed)).Status);
        var exited = await MoveAsync(id, HouseholdStatus.Exited);
        Assert.Equal(HouseholdStatus.Exited, exited.Status);
        Assert.True(exited.AtRisk); // 3,500 is below 1.5 × 2,952
        Assert.Equal(HouseholdStatus.ReturnedToPoverty, (await MoveAsync(id, HouseholdStatus.ReturnedToPoverty)).Status);
    }

    [Fact]
    public async Task Illegal_transitions_are_conflicts_and_removal_needs_a_reason_and_is_final()
    {
        var id = NewId();
        await CreateAsync(id, Synthetic.Household(VillageA, 3500m));

        Assert.Equal(DomainErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => MoveAsync(id, HouseholdStatus.Exited))).Kind);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => MoveAsync(id, HouseholdStatus.Removed));
        Assert.Contains("reason", noReason.Errors!.Keys);

        var removed = await MoveAsync(id, HouseholdStatus.Removed, "Wrongly registered: income above the line at identification.");
        Assert.Equal(HouseholdStatus.Removed, removed.Status);
        Assert.NotNull(await Household(id).GetAsync());
        Assert.Equal(DomainErrorKind.Conflict, (await Assert.ThrowsAsync<DomainException>(() => MoveAsync(id, HouseholdStatus.Registered))).Kind);
    }

    [Fact]
    public async Task A_member_who_becomes_seriously_ill_after_the_exit_puts_the_household_at_risk()
    {
        var id = NewId();
        var view = await CreateAsync(id, Synthetic.Household(VillageA, 5000m));
        await MoveAsync(id, HouseholdStatus.ExitProposed);
        view = await MoveAsync(id, HouseholdStatus.Exited);
        Assert.False(view.AtRisk); // 5,000 is above 1.5 × 2,952

        var members = view.Record.Members!.ToArray();
        members[1] = members[1] with { Health = Health.SeriousIllness };
        var after = await Household(id).PutAsync(view.Record with { Members = members }, view.Version);

        Assert.True(after.Household.AtRisk);
    }

    [Fact]
    public async Task History_lists_every_version_newest_first_with_kinds_and_field_diffs()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA, 3500m));
        using (CallerContext.Use(new Caller("clerk", Role.DataEntry, VillageA)))
        {
            await Household(id).PutAsync(created.Record with { Broadband = true }, created.Version);
        }

        await MoveAsync(id, HouseholdStatus.ExitProposed);

        var history = await Household(id).GetHistoryAsync(1, 2);
        var rest = await Household(id).GetHistoryAsync(2, 2);

        Assert.Equal(3, history.Total);
        Assert.Equal([3, 2], history.Items.Select(h => h.Version));
        Assert.Equal(["transition", "updated"], history.Items.Select(h => h.Kind));
        Assert.Equal("clerk", history.Items[1].Actor);
        Assert.Equal([new FieldChange("broadband", "false", "true")], history.Items[1].Changes);
        Assert.Contains(history.Items[0].Changes, c => c.Path == "status" && c.New == "\"exitProposed\"");
        Assert.Equal("created", Assert.Single(rest.Items).Kind);
    }

    [Fact]
    public async Task A_household_and_its_history_survive_deactivation_and_are_read_back_from_PostgreSQL()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA, 3500m));
        await MoveAsync(id, HouseholdStatus.ExitProposed);

        await fixture.Cluster.DeactivateAsync(Household(id));
        await fixture.Cluster.WaitForDeactivationAsync(Household(id));
        var read = await Household(id).GetAsync();

        Assert.NotNull(read);
        Assert.Equal(HouseholdStatus.ExitProposed, read.Status);
        Assert.Equal(Exit2016, read.StatusEffectiveDate);
        Assert.Equal(created.Record.Members!.Select(m => (m.IdNumber, m.BirthDate)), read.Record.Members!.Select(m => (m.IdNumber, m.BirthDate)));
        Assert.Equal(2, (await Household(id).GetHistoryAsync(1, 10)).Total);
    }

    [Fact]
    public async Task Writing_the_same_record_again_makes_no_new_version()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA));

        var again = await Household(id).PutAsync(created.Record with { }, created.Version);

        Assert.False(again.Created);
        Assert.Equal(created.Version, again.Household.Version);
        Assert.Equal(1, (await Household(id).GetHistoryAsync(1, 10)).Total);
    }

    [Fact]
    public async Task Replacing_needs_the_current_version()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA));

        var missing = await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(created.Record, null));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(created.Record, created.Version + 5));

        Assert.Equal(DomainErrorKind.PreconditionRequired, missing.Kind);
        Assert.Equal(DomainErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(created.Version, (await Household(id).GetAsync())!.Version);
    }

    [Fact]
    public async Task A_household_that_relocates_leaves_one_roster_and_enters_the_other_exactly_once()
    {
        var id = NewId();
        var created = await CreateAsync(id, Synthetic.Household(VillageA));
        Assert.Single(await Roster(VillageA), h => h.HouseholdId == id);

        var moved = await Household(id).PutAsync(created.Record with { VillageCode = VillageB }, created.Version);

        Assert.DoesNotContain(await Roster(VillageA), h => h.HouseholdId == id);
        var row = Assert.Single(await Roster(VillageB), h => h.HouseholdId == id);
        Assert.Equal(moved.Household.Version, row.Version);
        Assert.Equal("relocated", (await Household(id).GetHistoryAsync(1, 1)).Items[0].Kind);

        // A late, duplicated report from before the move changes nothing.
        await Client.GetGrain<IVillageRosterGrain>(VillageA).UpsertAsync(row with { Version = created.Version });
        Assert.DoesNotContain(await Roster(VillageA), h => h.HouseholdId == id);
    }

    [Fact]
    public async Task A_person_belongs_to_one_household_and_can_move_to_another()
    {
        var first = NewId();
        var second = NewId();
        var a = await CreateAsync(first, Synthetic.Household(VillageA));
        var person = a.Record.Members![1];
        var b = Synthetic.Household(VillageB) with { Members = [Synthetic.Member(Relation.Head, 30), person] };

        var conflict = await Assert.ThrowsAsync<DomainException>(() => Household(second).PutAsync(b, null));
        Assert.Equal(DomainErrorKind.Conflict, conflict.Kind);
        Assert.Contains(first, conflict.Errors!["members[1].idNumber"][0], StringComparison.Ordinal);
        Assert.Null(await Household(second).GetAsync());
        Assert.Equal(first, await Client.GetGrain<IPersonGrain>(GrainKeys.Person(person.IdNumber!)).GetHouseholdAsync());
        Assert.Null(await Client.GetGrain<IPersonGrain>(GrainKeys.Person(b.Members![0].IdNumber!)).GetHouseholdAsync());

        await Household(first).PutAsync(a.Record with { Members = [a.Record.Members[0]] }, a.Version);
        await Household(second).PutAsync(b, null);

        Assert.Equal(second, await Client.GetGrain<IPersonGrain>(GrainKeys.Person(person.IdNumber!)).GetHouseholdAsync());
        Assert.Null(await Client.GetGrain<IPersonGrain>(GrainKeys.Person("110105194912310021")).GetHouseholdAsync());
    }

    [Fact]
    public async Task Of_two_households_racing_for_one_person_exactly_one_wins()
    {
        // Twenty races at once on a two-silo cluster: the household grains land on either silo, so
        // most races are between silos; the person grain is the one arbiter wherever callers run.
        var races = Enumerable.Range(0, 20).Select(async _ =>
        {
            var shared = Synthetic.Member(Relation.Spouse, 40, Sex.Female);
            var ids = new[] { NewId(), NewId() };
            var outcomes = await Task.WhenAll(ids.Select(async id =>
            {
                var record = Synthetic.Household(VillageA) with { Members = [Synthetic.Member(Relation.Head, 42), shared] };
                try
                {
                    await Household(id).PutAsync(record, null);
                    return true;
                }
                catch (DomainException e) when (e.Kind == DomainErrorKind.Conflict)
                {
                    return false;
                }
            }));
            var holder = await Client.GetGrain<IPersonGrain>(GrainKeys.Person(shared.IdNumber!)).GetHouseholdAsync();
            return (outcomes, ids, holder);
        });

        foreach (var (outcomes, ids, holder) in await Task.WhenAll(races))
        {
            Assert.Equal(1, outcomes.Count(won => won));
            var winner = ids[Array.IndexOf(outcomes, true)];
            var loser = ids[Array.IndexOf(outcomes, false)];
            Assert.Equal(winner, holder);
            Assert.Null(await Household(loser).GetAsync());
        }
    }

    [Fact]
    public async Task An_unknown_village_is_a_validation_error_and_nothing_is_written()
    {
        var id = NewId();
        var record = Synthetic.Household("610204100299");

        var error = await Assert.ThrowsAsync<DomainException>(() => Household(id).PutAsync(record, null));

        Assert.Contains("villageCode", error.Errors!.Keys);
        Assert.Null(await Household(id).GetAsync());
        Assert.Null(await Client.GetGrain<IPersonGrain>(GrainKeys.Person(record.Members![0].IdNumber!)).GetHouseholdAsync());
    }

    private async Task<IReadOnlyList<HouseholdSummary>> Roster(string village) =>
        (await Client.GetGrain<IVillageRosterGrain>(village).ListAsync(null, null, 1, 500)).Items;
}
