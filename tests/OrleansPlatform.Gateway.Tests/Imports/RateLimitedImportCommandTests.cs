using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Cli;
using OrleansPlatform.Cli.Generation;

namespace OrleansPlatform.Gateway.Tests.Imports;

/// <summary>A gateway whose per-account rate limit an import's requests reach within seconds.</summary>
public sealed class TightRateLimitGatewayFactory : GatewayFactory
{
    public TightRateLimitGatewayFactory()
    {
        AccountRequestsPerWindow = 4;
        RateLimitWindow = TimeSpan.FromSeconds(2);
    }
}

/// <summary>The command-line tool waits out the gateway's rate limit instead of failing.</summary>
public class RateLimitedImportCommandTests(TightRateLimitGatewayFactory factory) : IClassFixture<TightRateLimitGatewayFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("platform-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_import_that_reaches_the_rate_limit_waits_and_finishes()
    {
        var generated = DataFiles.Write(new ProvinceGenerator(GenerationSize.Tiny, seed: 11), _directory);
        await factory.EnsureAccountAsync("cli-limited", Role.SystemAdmin, null);
        await factory.Cluster.GetGrain<IAccountGrain>(GrainKeys.Account("cli-limited")).SetPasswordAsync("Tight-window-Pass-7", null);
        string[] args =
        [
            "--file", Path.Combine(_directory, DataFiles.HouseholdsFile),
            "--areas", Path.Combine(_directory, DataFiles.AreasFile),
            "--url", "http://unused", "--login", "cli-limited", "--poll-ms", "50",
        ];

        var output = new StringWriter();
        var exit = await ImportCommand.RunAsync(args, output, factory.CreateClient(), name => name == ImportCommand.PasswordVariable ? "Tight-window-Pass-7" : null);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("rate limit is reached; retrying in", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"created {generated.Households:N0}", output.ToString(), StringComparison.Ordinal);
    }
}
