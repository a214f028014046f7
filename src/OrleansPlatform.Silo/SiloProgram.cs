using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlatform.Silo.Database;
using OrleansPlatform.Silo.Demo;
using OrleansPlatform.Silo.Hosting;

namespace OrleansPlatform.Silo;

/// <summary>
/// Usage: OrleansPlatform.Silo [migrate | seed-demo | create-admin LOGIN] [--silo-port N] [--gateway-port N] [--connection-string S] [--Section:Key=value ...]
///   (no command)        run a silo
///   migrate             bring the database schema up to date, then exit
///   seed-demo           connect to the running cluster as a client, create the demo areas, households and
///                       one account per role with fresh generated passwords (printed), then exit
///   create-admin LOGIN  connect to the running cluster and create (or re-password) a system administrator
/// </summary>
public static class SiloProgram
{
    /// <summary>Runs a command; returns the process exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "silo";
        var settingsArgs = command switch
        {
            "silo" => args,
            "create-admin" => args.Length > 1 ? args[2..] : [],
            _ => args[1..],
        };

        var builder = Host.CreateApplicationBuilder(settingsArgs);
        builder.Configuration.AddPlatformSources(builder.Environment.EnvironmentName, settingsArgs);

        switch (command)
        {
            case "silo":
                builder.UseOrleans(silo => silo.UsePlatformCluster().UsePlatformDashboard(builder.Configuration));
                await builder.Build().RunAsync();
                return 0;

            case "migrate":
                var migrator = new SchemaMigrator(builder.Configuration.GetPlatformConnectionString()) { Log = Console.WriteLine };
                await migrator.MigrateAsync();
                return 0;

            case "seed-demo":
                builder.Logging.ClearProviders();
                builder.UseOrleansClient(client => client.UsePlatformCluster());
                using (var host = builder.Build())
                {
                    await host.StartAsync();
                    var client = host.Services.GetRequiredService<IClusterClient>();
                    await DemoData.SeedAsync(client, Console.WriteLine);
                    var accounts = await DemoAccounts.SeedAsync(client);
                    Console.WriteLine("Demo accounts (passwords are new on every seed; sign in with POST /api/v1/auth/token):");
                    foreach (var (login, role, password) in accounts)
                    {
                        Console.WriteLine($"  {login,-24} {role,-20} {password}");
                    }

                    await host.StopAsync();
                }

                return 0;

            case "create-admin":
                if (args.Length < 2 || args[1].StartsWith('-'))
                {
                    Console.Error.WriteLine("Usage: create-admin LOGIN");
                    return 2;
                }

                builder.Logging.ClearProviders();
                builder.UseOrleansClient(client => client.UsePlatformCluster());
                using (var host = builder.Build())
                {
                    await host.StartAsync();
                    var password = await AdminBootstrap.RunAsync(host.Services.GetRequiredService<IClusterClient>(), args[1]);
                    Console.WriteLine($"System administrator {args[1]} is ready. Password (shown once): {password}");
                    await host.StopAsync();
                }

                return 0;

            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: migrate, seed-demo, create-admin LOGIN, or none to run a silo.");
                return 2;
        }
    }
}
