using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Npgsql;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>Where silo and gateway processes read their settings from, and the settings they share.</summary>
public static class PlatformConfiguration
{
    /// <summary>Name of the connection string to the platform's PostgreSQL database.</summary>
    public const string ConnectionStringName = "Platform";

    /// <summary>ADO.NET invariant name under which Orleans finds Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Puts <c>silo-config/appsettings.json</c> and <c>silo-config/appsettings.{environment}.json</c>
    /// (copied next to the binaries) beneath every source the host already has, so that environment
    /// variables, the command line and test hosts' settings override them; then adds the short
    /// command-line switches of <see cref="SwitchMappings"/>.
    /// </summary>
    public static IConfigurationBuilder AddPlatformSources(this IConfigurationBuilder builder, string environmentName, string[] args)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "silo-config"));
        builder.Sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = $"appsettings.{environmentName}.json", Optional = true });
        builder.Sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = "appsettings.json", Optional = false });
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

        // Prepared statements for the providers' few, constantly repeated queries, and no session reset on
        // returning a connection to the pool, unless the operator chose otherwise.
        var builder = new NpgsqlConnectionStringBuilder(value);
        if (builder.MaxAutoPrepare == 0 && !value.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // A pooled connection is otherwise reset with six statements every time it goes back to the pool
        // (a third of all statements a household write sent). Nothing here leaves session state behind;
        // the one session-level lock (the migrator's) is taken on an unpooled connection.
        if (!value.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
