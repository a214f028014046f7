using Npgsql;
using OrleansPlatform.Households;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Grains.Tests.Failures;

/// <summary>A cluster of its own: the test below breaks its database.</summary>
public sealed class BrokenDatabaseClusterFixture : PlatformClusterFixture
{
    protected override short InitialSilos => 1;
}

/// <summary>A database error inside a grain reaches the caller as that error, not as a serialization failure.</summary>
public class DatabaseErrorTests(BrokenDatabaseClusterFixture fixture) : IClassFixture<BrokenDatabaseClusterFixture>
{
    [Fact]
    public async Task A_postgres_error_in_a_grain_reaches_the_client_as_itself_with_its_message()
    {
        var village = await Synthetic.VillageAsync(fixture.Client);
        await fixture.Database.ScalarAsync<object>("ALTER TABLE platform_person_claim RENAME TO platform_person_claim_gone");
        var household = fixture.Client.GetGrain<IHouseholdGrain>(GrainKeys.Household($"DB-{Guid.NewGuid():N}"[..20]));

        var error = await Assert.ThrowsAsync<PostgresException>(() => household.PutAsync(Synthetic.Household(village), null));

        // Orleans carries an exception's message, not the driver's own fields: the SQL state is in the message.
        Assert.StartsWith(PostgresErrorCodes.UndefinedTable, error.Message, StringComparison.Ordinal);
        Assert.Null(await household.GetAsync()); // and nothing of the household was written
    }
}
