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
public class RateLimitedImportCommandTests(TightRateLimitGatewayFactory factory) : IClassFixture<TightRateLimitGatewayFactory>
{
    [Fact]
    public async Task An_import_that_reaches_the_rate_limit_waits_and_finishes()
    {
        using var setup = await CliImportSetup.CreateAsync(factory, seed: 11, "cli-limited", "Tight-window-Pass-7", pollMs: 50);

        var output = new StringWriter();
        var exit = await setup.RunAsync(output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("rate limit is reached; retrying in", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"created {setup.Generated.Households:N0}", output.ToString(), StringComparison.Ordinal);
    }
}
