using Microsoft.Extensions.Configuration;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>Where silo and gateway processes read their settings from, and the settings they share.</summary>
public static class PlatformConfiguration
{
    /// <summary>Name of the connection string to the platform's PostgreSQL database.</summary>
    public const string ConnectionStringName = "Platform";

    /// <summary>ADO.NET invariant name under which Orleans finds Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Adds <c>silo-config/appsettings.json</c> and <c>silo-config/appsettings.{environment}.json</c>
    /// (copied next to the binaries), then environment variables, then the command line, so that
    /// each later source overrides the earlier ones.
    /// </summary>
    public static IConfigurationBuilder AddPlatformSources(this IConfigurationBuilder builder, string environmentName, string[] args)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "silo-config");
        builder.AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: false, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(directory, $"appsettings.{environmentName}.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(args, SwitchMappings);
        return builder;
    }

    /// <summary>Short command-line switches for the settings operators change most.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--connection-string"] = $"ConnectionStrings:{ConnectionStringName}",
        ["--silo-port"] = "Orleans:Endpoints:SiloPort",
        ["--gateway-port"] = "Orleans:Endpoints:GatewayPort",
        ["--cluster-id"] = "Orleans:ClusterId",
    };

    /// <summary>Returns the PostgreSQL connection string or throws a message that says how to set it.</summary>
    public static string GetPlatformConnectionString(this IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"No database is configured: set ConnectionStrings:{ConnectionStringName} in silo-config, " +
                $"the environment variable ConnectionStrings__{ConnectionStringName}, or --connection-string.");
        }

        return value;
    }
}
