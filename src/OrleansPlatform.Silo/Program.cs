using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansPlatform.Silo.Database;
using OrleansPlatform.Silo.Demo;
using OrleansPlatform.Silo.Hosting;

// Usage: OrleansPlatform.Silo [migrate | seed-demo] [--silo-port N] [--gateway-port N] [--connection-string S] [--Section:Key=value ...]
//   (no command)  run a silo
//   migrate       bring the database schema up to date, then exit
//   seed-demo     connect to the running cluster as a client and create the demo areas, then exit
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "silo";
var settingsArgs = command == "silo" ? args : args[1..];

var builder = Host.CreateApplicationBuilder(settingsArgs);
builder.Configuration.AddPlatformSources(builder.Environment.EnvironmentName, settingsArgs);

switch (command)
{
    case "silo":
        builder.UseOrleans(silo => silo.UsePlatformCluster());
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
            await DemoData.SeedAsync(host.Services.GetRequiredService<IClusterClient>(), Console.WriteLine);
            await host.StopAsync();
        }

        return 0;

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: migrate, seed-demo, or none to run a silo.");
        return 2;
}
