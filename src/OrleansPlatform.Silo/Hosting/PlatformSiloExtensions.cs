using Orleans.Dashboard;
using OrleansPlatform.Accounts;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansPlatform.Households;
using OrleansPlatform.People;
using OrleansPlatform.Silo.People;
using OrleansPlatform.Silo.Households;
using Npgsql;
using OrleansPlatform.Statistics;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>
/// Configures silos and clients of the platform: PostgreSQL clustering, grain storage and reminders.
/// Settings are read from <see cref="IConfiguration"/> when the options are first resolved, so that
/// every configuration source (including test hosts' overrides) has been added by then.
/// </summary>
public static class PlatformSiloExtensions
{
    /// <summary>Makes <paramref name="silo"/> a member of the platform cluster described by configuration.</summary>
    public static ISiloBuilder UsePlatformCluster(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterOptions>().Configure<IConfiguration>(ConfigureCluster);
        silo.Services.AddOptions<EndpointOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var endpoints = ClusterSettings.From(configuration).Endpoints;
            o.AdvertisedIPAddress = endpoints.ResolveAdvertisedAddress();
            o.SiloPort = endpoints.SiloPort;
            o.GatewayPort = endpoints.GatewayPort;
            if (endpoints.ListenOnAnyHostAddress)
            {
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.GatewayPort);
            }
        });
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Orleans:Membership");
        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) => options.Configure<IConfiguration>((o, configuration) =>
        {
            o.Invariant = PlatformConfiguration.Invariant;
            o.ConnectionString = configuration.GetPlatformConnectionString();
        }));
        return silo.UsePlatformStorage();
    }

    /// <summary>
    /// Adds what the grains need: the PostgreSQL grain storage, ID-number claims and reminder service, the poverty lines
    /// (section <c>PovertyLines</c>), claim settings (section <c>People</c>) and a clock. Also used by
    /// test clusters.
    /// </summary>
    public static ISiloBuilder UsePlatformStorage(this ISiloBuilder silo)
    {
        silo.Services.AddPlatformExceptionSerialization();
        silo.Services.AddOptions<PovertyLineOptions>().BindConfiguration("PovertyLines");
        silo.Services.AddOptions<PersonClaimOptions>().BindConfiguration("People");
        silo.Services.AddOptions<StatisticsOptions>().BindConfiguration("Statistics");
        silo.Services.AddOptions<AccountOptions>().BindConfiguration("Accounts");
        silo.Services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IConfiguration>().GetPlatformConnectionString()));
        silo.Services.TryAddSingleton<IPersonClaimStore, PostgresPersonClaimStore>();
        silo.Services.TryAddSingleton<IHouseholdBulkStore, PostgresHouseholdBulkStore>();
        silo.Services.TryAddSingleton<ClaimsBackfill>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClaimsBackfill>());
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddAdoNetGrainStorage(PlatformStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<IConfiguration, Serializer, IGrainStorageSerializer>((o, configuration, serializer, json) =>
        {
            o.Invariant = PlatformConfiguration.Invariant;
            o.ConnectionString = configuration.GetPlatformConnectionString();

            // Orleans' own version-tolerant binary format ([GenerateSerializer]/[Id] on every state type)
            // instead of the default JSON with $type/$id metadata: smaller rows, cheaper writes. Rows
            // written as JSON by earlier builds stay readable and are rewritten in binary on their next write.
            o.GrainStorageSerializer = new GrainStorageSerializer(new OrleansGrainStorageSerializer(serializer), json);
        }));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) => options.Configure<IConfiguration>((o, configuration) =>
        {
            o.Invariant = PlatformConfiguration.Invariant;
            o.ConnectionString = configuration.GetPlatformConnectionString();
        }));
        return silo;
    }

    /// <summary>True when configuration turns the Orleans dashboard on (<c>Orleans:Dashboard</c>; off by default, on in Development).</summary>
    public static bool DashboardEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Orleans:Dashboard");

    /// <summary>
    /// Adds the Orleans dashboard's silo side when configuration turns it on. It profiles every grain
    /// call and samples counters each second, so it stays off unless wanted; its live log view is off.
    /// </summary>
    public static ISiloBuilder UsePlatformDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        DashboardEnabled(configuration) ? silo.AddDashboard(o => o.HideTrace = true) : silo;

    /// <summary>Adds the Orleans dashboard's client side (for a gateway that serves it) when configuration turns it on.</summary>
    public static IClientBuilder UsePlatformDashboard(this IClientBuilder client, IConfiguration configuration) =>
        DashboardEnabled(configuration) ? client.AddDashboard(o => o.HideTrace = true) : client;

    /// <summary>Makes <paramref name="client"/> find the platform's silos through the clustering table.</summary>
    public static IClientBuilder UsePlatformCluster(this IClientBuilder client)
    {
        client.Services.AddPlatformExceptionSerialization();
        client.Services.AddOptions<ClusterOptions>().Configure<IConfiguration>(ConfigureCluster);
        client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) => options.Configure<IConfiguration>((o, configuration) =>
        {
            o.Invariant = PlatformConfiguration.Invariant;
            o.ConnectionString = configuration.GetPlatformConnectionString();
        }));
        return client;
    }

    /// <summary>
    /// Lets errors of the PostgreSQL driver travel from grains to their callers as themselves. Orleans
    /// serializes exceptions only from the namespaces it is told about; any other one reached the
    /// caller as a serialization failure that hid the database's message and SQL state. Silos and
    /// clients both need it.
    /// </summary>
    public static IServiceCollection AddPlatformExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

    private static void ConfigureCluster(ClusterOptions options, IConfiguration configuration)
    {
        var settings = ClusterSettings.From(configuration);
        options.ClusterId = settings.ClusterId;
        options.ServiceId = settings.ServiceId;
    }
}
