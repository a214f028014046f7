using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansPlatform.Silo.Database;
using OrleansPlatform.Silo.Hosting;

// Usage: OrleansPlatform.Silo [migrate] [--silo-port N] [--gateway-port N] [--connection-string S] [--Section:Key=value ...]
var migrateOnly = args.Length > 0 && args[0] == "migrate";
var settingsArgs = migrateOnly ? args[1..] : args;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = settingsArgs,
    DisableDefaults = false,
});
builder.Configuration.AddPlatformSources(builder.Environment.EnvironmentName, settingsArgs);

if (migrateOnly)
{
    var migrator = new SchemaMigrator(builder.Configuration.GetPlatformConnectionString())
    {
        Log = Console.WriteLine,
    };
    await migrator.MigrateAsync();
    return 0;
}

builder.UseOrleans(silo => silo.UsePlatformCluster());
await builder.Build().RunAsync();
return 0;
