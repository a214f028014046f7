using OrleansPlatform.Access;
using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Tests.Imports;

/// <summary>The command-line tool against the real gateway: generate the tiny province, import areas and households, export, import again.</summary>
public class ImportCommandTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Generate_then_import_writes_every_household_and_a_second_import_changes_nothing()
    {
        using var setup = await CliImportSetup.CreateAsync(factory, seed: 7, "cli-admin", "Cli-import-password-1", pollMs: 100);

        var first = new StringWriter();
        var exit = await setup.RunAsync(first);

        Assert.True(exit == 0, first.ToString());
        Assert.Contains($"created {setup.Generated.Households:N0}", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("[##############################] 100.0%", first.ToString(), StringComparison.Ordinal);
        var one = new ProvinceGenerator(GenerationSize.Tiny, seed: 7).Households().First();
        Assert.NotNull(await factory.Cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(one.HouseholdId)).GetAsync());

        // The export streams the whole tiny county (well over the writer's 64 KB buffer) through the real
        // server, which refuses synchronous writes; to the county's administrator (who sees personal data
        // there) it gives back every imported row as it was.
        var county = $"{one.Record.VillageCode![..6]}000000";
        var admin = await factory.CreateClientAsAsync(Role.AreaAdmin, county);
        var exported = await admin.GetAsync($"/api/v1/areas/{county}/households.csv");
        Assert.Equal(System.Net.HttpStatusCode.OK, exported.StatusCode);
        var exportedRows = (await exported.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        var importedRows = (await File.ReadAllTextAsync(setup.HouseholdsFile)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(importedRows, exportedRows);

        var second = new StringWriter();
        Assert.Equal(0, await setup.RunAsync(second));
        Assert.Contains($"created 0, updated 0, unchanged {setup.Generated.Households:N0}", second.ToString(), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await setup.RunAsync(refused, "Wrong-password-99"));
        Assert.Contains("Sign-in refused", refused.ToString(), StringComparison.Ordinal);
    }
}
