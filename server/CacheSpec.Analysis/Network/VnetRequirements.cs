using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// The flows a VNet-injected cache needs, from the guidance's port tables in the facts catalog
/// (<see cref="VnetFlowFact"/>): outbound to its dependencies (Storage, Key Vault, Monitor over TCP 443; PKI/CRL over
/// TCP 80; DNS on 53 to custom DNS servers) and inbound from its own subnet, its clients and Azure's load balancer;
/// geo-replicas need 15000-15999 both ways.
/// </summary>
public static class VnetRequirements
{
    /// <param name="customDnsServers">The network's DNS servers. Azure's own DNS (168.63.129.16) is a host address that
    /// NSGs do not filter, so DNS is a flow to check only when the network names servers of its own.</param>
    /// <param name="geoPeers">Prefixes of the subnets of geo-replication peers.</param>
    public static IReadOnlyList<RequiredFlow> Outbound(IReadOnlyList<Ipv4Address> customDnsServers,
        IReadOnlyList<Ipv4Range>? geoPeers = null) =>
        Flows(TrafficDirection.Outbound, new FarEnds([], [], customDnsServers, geoPeers ?? []));

    /// <param name="redisSubnet">The injected subnet's prefix.</param>
    /// <param name="virtualNetwork">The address space of the subnet's network, where clients live.</param>
    /// <param name="geoPeers">Prefixes of the subnets of geo-replication peers.</param>
    public static IReadOnlyList<RequiredFlow> Inbound(Ipv4Range redisSubnet, IReadOnlyList<Ipv4Range> virtualNetwork,
        IReadOnlyList<Ipv4Range>? geoPeers = null) =>
        Flows(TrafficDirection.Inbound, new FarEnds([redisSubnet], virtualNetwork, [], geoPeers ?? []));

    /// <summary>
    /// The addresses that the catalog's far ends other than service tags stand for, in one subnet's case.
    /// </summary>
    private sealed record FarEnds(IReadOnlyList<Ipv4Range> RedisSubnet, IReadOnlyList<Ipv4Range> VirtualNetwork,
        IReadOnlyList<Ipv4Address> DnsServers,
        IReadOnlyList<Ipv4Range> GeoPeers);

    /// <summary>The catalog's flows, read once.</summary>
    private sealed record Row(TrafficDirection Direction, TrafficProtocol Protocol, PortRange Ports,
        IReadOnlyList<string> Remotes, string Purpose);

    private static readonly IReadOnlyList<Row> Rows = AzureFacts.Catalog.VnetFlows.Select(row => new Row(
        Enum.Parse<TrafficDirection>(row.Direction),
        Enum.Parse<TrafficProtocol>(row.Protocol),
        PortRange.TryParse(row.Ports, out var ports) ? ports
            : throw new InvalidOperationException($"facts.json: ports '{row.Ports}'"),
        row.Remotes,
        row.Purpose)).ToArray();

    private static List<RequiredFlow> Flows(TrafficDirection direction, FarEnds ends)
    {
        var flows = new List<RequiredFlow>();
        foreach (var row in Rows)
        {
            if (row.Direction != direction)
            {
                continue;
            }
            foreach (var remote in row.Remotes.SelectMany(remote => Endpoints(remote, ends)))
            {
                flows.Add(new RequiredFlow(direction, row.Protocol, row.Ports, remote, row.Purpose));
            }
        }
        return flows;
    }

    /// <summary>
    /// The endpoints a far end of the catalog stands for. One per DNS server and per geo-replica: each must be
    /// reachable, and a rule that allows one says nothing about the others.
    /// </summary>
    private static IEnumerable<TrafficEndpoint> Endpoints(string remote, FarEnds ends) => remote switch
    {
        "subnet" => ends.RedisSubnet.Select(subnet => TrafficEndpoint.Addresses("the Redis subnet", subnet)),
        "clients" =>
            [TrafficEndpoint.Addresses("client subnets of the virtual network", ends.VirtualNetwork.ToArray())],
        "dnsServers" =>
            ends.DnsServers.Distinct()
            .Select(server => TrafficEndpoint.Addresses($"the DNS server {server}", new Ipv4Range(server, server))),
        "geoReplicas" =>
            ends.GeoPeers.Select(peer => TrafficEndpoint.Addresses($"the geo-replica subnet {peer}", peer)),
        "Internet" => [TrafficEndpoint.Service(remote, "the internet")],
        _ => [TrafficEndpoint.Service(remote, remote)],
    };
}
