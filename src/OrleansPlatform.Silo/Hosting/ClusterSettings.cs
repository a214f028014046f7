using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace OrleansPlatform.Silo.Hosting;

/// <summary>The <c>Orleans</c> configuration section: cluster identity and this silo's endpoints.</summary>
public sealed class ClusterSettings
{
    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "orleans-platform";

    /// <summary>Identifies the service in storage; stable across deployments.</summary>
    public string ServiceId { get; set; } = "orleans-platform";

    /// <summary>This silo's endpoints.</summary>
    public EndpointSettings Endpoints { get; set; } = new();

    /// <summary>Reads the <c>Orleans</c> section.</summary>
    public static ClusterSettings From(IConfiguration configuration) =>
        configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings();

    /// <summary>Silo-to-silo and client endpoints.</summary>
    public sealed class EndpointSettings
    {
        /// <summary>Address other silos and clients use; <c>auto</c> picks this host's first IPv4 address (containers).</summary>
        public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

        /// <summary>Port for silo-to-silo traffic.</summary>
        public int SiloPort { get; set; } = 11111;

        /// <summary>Port clients (gateways) connect to.</summary>
        public int GatewayPort { get; set; } = 30000;

        /// <summary>Listen on every interface instead of only the advertised address.</summary>
        public bool ListenOnAnyHostAddress { get; set; }

        /// <summary>Resolves <see cref="AdvertisedIPAddress"/> to an address.</summary>
        public IPAddress ResolveAdvertisedAddress()
        {
            if (!string.Equals(AdvertisedIPAddress, "auto", StringComparison.OrdinalIgnoreCase))
            {
                return IPAddress.Parse(AdvertisedIPAddress);
            }

            return Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback;
        }
    }
}
