using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlatform.Silo.Hosting;
using OrleansPlatform.Silo.People;

namespace OrleansPlatform.Silo.Tests.Hosting;

public class LoggingSettingsTests
{
    [Fact]
    public void The_platforms_own_information_is_logged_and_per_call_runtime_chatter_is_not()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddPlatformSources("Production", []);
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        // "Orleans" is a prefix of "OrleansPlatform": the runtime's Warning level must not silence the platform.
        Assert.True(loggers.CreateLogger<ClaimsBackfill>().IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Catalog").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Information)); // one line per grain placement otherwise
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Information));
    }
}
