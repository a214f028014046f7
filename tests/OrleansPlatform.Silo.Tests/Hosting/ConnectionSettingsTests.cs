using Microsoft.Extensions.Configuration;
using Npgsql;
using OrleansPlatform.Silo.Hosting;
using OrleansPlatform.Testing;

namespace OrleansPlatform.Silo.Tests.Hosting;

public class ConnectionSettingsTests
{
    private static string Resolve(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{PlatformConfiguration.ConnectionStringName}"] = connectionString })
        .Build()
        .GetPlatformConnectionString();

    [Fact]
    public void A_plain_connection_string_gets_statement_preparation_and_no_session_reset()
    {
        var settings = new NpgsqlConnectionStringBuilder(Resolve("Host=db;Username=u;Password=p;Database=platform"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("platform", settings.Database);
    }

    [Fact]
    public void What_the_operator_chose_is_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder(Resolve("Host=db;Username=u;Password=p;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    [Fact]
    public async Task Returning_a_connection_to_the_pool_sends_no_reset_statements()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("noreset");
        await using var source = NpgsqlDataSource.Create(Resolve(database.ConnectionString));
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await source.OpenConnectionAsync();
            await using var set = new NpgsqlCommand("SET application_name = 'kept'", connection);
            await set.ExecuteNonQueryAsync();
        }

        // Without a reset the pooled session keeps what the last user set; with one it would be blank again.
        await using var again = await source.OpenConnectionAsync();
        await using var read = new NpgsqlCommand("SHOW application_name", again);
        Assert.Equal("kept", await read.ExecuteScalarAsync());
    }
}
