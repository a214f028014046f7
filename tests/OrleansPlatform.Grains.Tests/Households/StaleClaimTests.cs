using Npgsql;
using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Households;

/// <summary>A cluster whose claims settle at once, so a claim left behind can be taken over within a test.</summary>
public sealed class ImmediateSettleClusterFixture : PlatformClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["People:SettleTime"] = "00:00:00",
    };
}

public class StaleClaimTests(ImmediateSettleClusterFixture fixture) : IClassFixture<ImmediateSettleClusterFixture>
{
    [Fact]
    public async Task A_claim_left_by_a_household_that_never_listed_the_person_blocks_nobody()
    {
        var village = await Synthetic.VillageAsync(fixture.Client);

        var record = Synthetic.Household(village);
        var idNumber = record.Members![1].IdNumber!;
        var person = fixture.Client.GetGrain<IPersonGrain>(GrainKeys.Person(idNumber));
        await ClaimAsync(idNumber, "ghost-household"); // as if ghost's write failed after claiming

        Assert.Null(await person.GetHouseholdAsync());
        await fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("real-household")).PutAsync(record, null);

        Assert.Equal("real-household", await person.GetHouseholdAsync());
    }

    [Fact]
    public async Task A_household_created_by_bulk_import_while_its_grain_was_in_memory_empty_keeps_its_people()
    {
        var village = await Synthetic.VillageAsync(fixture.Client);
        var record = Synthetic.Household(village);
        var bulk = fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("bulk-household"));
        Assert.Null(await bulk.GetAsync()); // activated, found nothing, stays in memory

        Assert.Equal([ImportOutcome.Created], await fixture.Client.GetGrain<IHouseholdImportGrain>(0)
            .ImportBatchAsync([new HouseholdImportItem("bulk-household", record)]));

        // Claims settle at once here, so the holder is asked whether it lists the person: it must say yes.
        var rival = Synthetic.Household(village) with { Members = [record.Members![0], Synthetic.Member(Relation.Spouse, 40, Sex.Female)] };
        var refused = await Assert.ThrowsAsync<Errors.DomainException>(() =>
            fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household("rival-household")).PutAsync(rival, null));
        Assert.Equal("household.person-registered-elsewhere", refused.Code);
        Assert.Equal("bulk-household", await fixture.Client.GetGrain<IPersonGrain>(GrainKeys.Person(record.Members[0].IdNumber!)).GetHouseholdAsync());
    }

    private async Task ClaimAsync(string idNumber, string householdId)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO platform_person_claim (service_id, id_number, household_id, claimed_at) " +
            "VALUES ($1, $2, $3, now())", connection);
        command.Parameters.AddWithValue(fixture.Cluster.Options.ServiceId);
        command.Parameters.AddWithValue(idNumber);
        command.Parameters.AddWithValue(householdId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
