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

        var second = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, second, factory.CreateClient(), Environment));
        Assert.Contains($"created 0, updated 0, unchanged {generated.Households:N0}", second.ToString(), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(args, refused, factory.CreateClient(), _ => "Wrong-password-99"));
        Assert.Contains("Sign-in refused", refused.ToString(), StringComparison.Ordinal);
    }
}
