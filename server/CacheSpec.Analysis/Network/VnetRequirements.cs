
namespace CacheSpec.Analysis.Network;

/// <summary>
/// The flows a VNet-injected cache needs, from the guidance's port tables: outbound to its dependencies
/// (Storage, Key Vault, Monitor over TCP 443; PKI/CRL over TCP 80; DNS on 53 to custom DNS servers) and inbound from its own subnet,
/// its clients and Azure's load balancer; geo-replicas need 15000-15999 both ways.
/// </summary>
public static class VnetRequirements
{
    public static readonly Ipv4Address AzureDns = new(0xA83F8110); // 168.63.129.16

    /// <param name="customDnsServers">The network's DNS servers. Azure's own DNS (168.63.129.16) is a host address that NSGs do not
    /// filter, so DNS is a flow to check only when the network names servers of its own.</param>
    /// <param name="geoPeers">Prefixes of the subnets of geo-replication peers, which need 15000-15999 in both directions.</param>
    public static IReadOnlyList<RequiredFlow> Outbound(IReadOnlyList<Ipv4Address> customDnsServers, IReadOnlyList<Ipv4Range>? geoPeers = null)
    {
        var https = PortRange.Single(443);
        var flows = new List<RequiredFlow>
        {
            new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Tcp, https, TrafficEndpoint.Service("Storage", "Storage"), "Azure Storage"),
            new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Tcp, https, TrafficEndpoint.Service("AzureKeyVault", "AzureKeyVault"), "Azure Key Vault"),
            new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Tcp, https, TrafficEndpoint.Service("AzureMonitor", "AzureMonitor"), "Azure Monitor"),
            new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Tcp, PortRange.Single(80), TrafficEndpoint.Service("Internet", "the internet"), "certificate revocation checks (PKI/CRL)"),
        };
        // One flow per server: each must be reachable, and a rule that allows one server says nothing about the others.
        foreach (var server in customDnsServers.Distinct())
        {
            var dns = TrafficEndpoint.Addresses($"the DNS server {server}", new Ipv4Range(server, server));
            flows.Add(new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Any, PortRange.Single(53), dns, "DNS"));
        }
        foreach (var peer in geoPeers ?? Array.Empty<Ipv4Range>())
        {
            flows.Add(new RequiredFlow(TrafficDirection.Outbound, TrafficProtocol.Tcp, GeoReplicationPorts, TrafficEndpoint.Addresses($"the geo-replica subnet {peer}", peer), "geo-replication"));
        }
        return flows;
    }

    public static readonly PortRange GeoReplicationPorts = new(15000, 15999);

    /// <param name="redisSubnet">The injected subnet's prefix.</param>
    /// <param name="virtualNetwork">The address space of the subnet's network, where clients live.</param>
    /// <param name="geoPeers">Prefixes of the subnets of geo-replication peers.</param>
    public static IReadOnlyList<RequiredFlow> Inbound(Ipv4Range redisSubnet, IReadOnlyList<Ipv4Range> virtualNetwork, IReadOnlyList<Ipv4Range>? geoPeers = null)
    {
        var self = TrafficEndpoint.Addresses("the Redis subnet", redisSubnet);
        var clients = TrafficEndpoint.Addresses("client subnets of the virtual network", virtualNetwork.ToArray());
        var loadBalancer = TrafficEndpoint.Service("AzureLoadBalancer", "AzureLoadBalancer");
        var flows = new List<RequiredFlow>();
        void Add(int first, int last, TrafficProtocol protocol, string purpose, params TrafficEndpoint[] sources)
        {
            foreach (var source in sources)
            {
                flows.Add(new RequiredFlow(TrafficDirection.Inbound, protocol, new PortRange(first, last), source, purpose));
            }
        }
        Add(6379, 6380, TrafficProtocol.Tcp, "client connections and load balancing", self, clients, loadBalancer);
        Add(8443, 8443, TrafficProtocol.Tcp, "internal communication", self);
        Add(8500, 8500, TrafficProtocol.Any, "load balancing", loadBalancer);
        Add(10221, 10231, TrafficProtocol.Tcp, "internal communication and cluster clients", self, loadBalancer);
        Add(13000, 13999, TrafficProtocol.Tcp, "clients of clustered caches and load balancing", self, clients, loadBalancer);
        Add(15000, 15999, TrafficProtocol.Tcp, "clients of clustered caches, load balancing and geo-replication", self, clients, loadBalancer);
        Add(16001, 16001, TrafficProtocol.Any, "load balancing", loadBalancer);
        Add(20226, 20226, TrafficProtocol.Tcp, "internal communication", self);
        foreach (var peer in geoPeers ?? Array.Empty<Ipv4Range>())
        {
            Add(GeoReplicationPorts.First, GeoReplicationPorts.Last, TrafficProtocol.Tcp, "geo-replication", TrafficEndpoint.Addresses($"the geo-replica subnet {peer}", peer));
        }
        return flows;
    }
}
