using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Cli;
using OrleansPlatform.Cli.Generation;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Tests.Imports;

/// <summary>The command-line tool against the real gateway: generate the tiny province, import areas and households, import again.</summary>
public class ImportCommandTests(GatewayFactory factory) : IClassFixture<GatewayFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("platform-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Generate_then_import_writes_every_household_and_a_second_import_changes_nothing()
    {
        var generated = DataFiles.Write(new ProvinceGenerator(GenerationSize.Tiny, seed: 7), _directory);
        await factory.EnsureAccountAsync("cli-admin", Role.SystemAdmin, null);
        await factory.Cluster.GetGrain<IAccountGrain>(GrainKeys.Account("cli-admin")).SetPasswordAsync("Cli-import-password-1", null);
        string[] args =
        [
            "--file", Path.Combine(_directory, DataFiles.HouseholdsFile),
            "--areas", Path.Combine(_directory, DataFiles.AreasFile),
            "--url", "http://unused", "--login", "cli-admin", "--poll-ms", "100",
        ];
        string? Environment(string name) => name == ImportCommand.PasswordVariable ? "Cli-import-password-1" : null;

        var first = new StringWriter();
        var exit = await ImportCommand.RunAsync(args, first, factory.CreateClient(), Environment);

        Assert.True(exit == 0, first.ToString());
        Assert.Contains($"created {generated.Households:N0}", first.ToString(), StringComparison.Ordinal);
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
        var importedRows = (await File.ReadAllTextAsync(Path.Combine(_directory, DataFiles.HouseholdsFile))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(importedRows, exportedRows);

        var second = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, second, factory.CreateClient(), Environment));
        Assert.Contains($"created 0, updated 0, unchanged {generated.Households:N0}", second.ToString(), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(args, refused, factory.CreateClient(), _ => "Wrong-password-99"));
        Assert.Contains("Sign-in refused", refused.ToString(), StringComparison.Ordinal);
    }
}
