using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// The flows a VNet-injected cache needs, from the NSG table of a guidance profile (<see cref="NsgTableRow"/>,
/// nsg-2020-10.json and nsg-current.json): the table's far ends made concrete for one subnet.
/// </summary>
public static class VnetRequirements
{
    /// <summary>The far ends of one injected subnet: what the table's words stand for there.</summary>
    /// <param name="RedisSubnet">The injected subnet.</param>
    /// <param name="Network">The name of its network.</param>
    /// <param name="AddressSpace">The network's address space (the 2020 table's "Virtual Network").</param>
    /// <param name="OtherSubnets">The network's other subnets, the clients the current table's "(Client subnet)"
    /// is taken to mean until a spec can name its clients.</param>
    /// <param name="DnsServers">The network's DNS servers. Azure's own DNS (168.63.129.16) is a host address that
    /// NSGs do not filter, so DNS is a flow to check only when the network names servers of its own.</param>
    /// <param name="GeoPeers">The subnets of geo-replication peers.</param>
    public sealed record FarEnds(NamedRange RedisSubnet, string Network, IReadOnlyList<Cidr> AddressSpace,
        IReadOnlyList<NamedRange> OtherSubnets, IReadOnlyList<Ipv4Address> DnsServers,
        IReadOnlyList<NamedRange> GeoPeers);

    /// <summary>The table's flows in one direction, one per far end and port range, in the table's order.</summary>
    public static IReadOnlyList<RequiredFlow> Flows(IReadOnlyList<NsgTableRow> table, TrafficDirection direction,
        FarEnds ends)
    {
        var flows = new List<RequiredFlow>();
        var directionName = direction.ToString();
        foreach (var row in table)
        {
            if (row.Direction != directionName)
            {
                continue;
            }
            var protocol = Enum.Parse<TrafficProtocol>(row.Protocol);
            foreach (var remote in Endpoints(row.Remote, ends))
            {
                foreach (var ports in row.Ports)
                {
                    flows.Add(new RequiredFlow(direction, protocol, Ports(ports), remote, row.Purpose, row));
                }
            }
        }
        return flows;
    }

    /// <summary>A port or range of a table; a malformed one is a defect of the engine's data.</summary>
    public static PortRange Ports(string text) =>
        PortRange.TryParse(text, out var ports) ? ports : throw new InvalidOperationException($"NSG table: '{text}'");

    /// <summary>
    /// The endpoints a far end of the table stands for. One per DNS server and per geo-replica: each must be
    /// reachable, and a rule that allows one says nothing about the others. The client subnets are one endpoint that
    /// any of the network's other subnets satisfies, and none at all when the network has no other subnet: its clients
    /// are then in networks the spec does not show.
    /// </summary>
    private static IEnumerable<TrafficEndpoint> Endpoints(string remote, FarEnds ends) => remote switch
    {
        "redisSubnet" => [TrafficEndpoint.OfSubnet("the Redis subnet", ends.RedisSubnet)],
        "virtualNetwork" =>
            [TrafficEndpoint.Addresses(
                $"the virtual network '{ends.Network}' ({string.Join(", ", ends.AddressSpace)})",
                ends.AddressSpace.Select(space => space.Range).ToArray())],
        "clientSubnets" => ends.OtherSubnets.Count == 0 ? []
            : [TrafficEndpoint.Addresses($"the client subnets (assumed: every other subnet of '{ends.Network}')",
                ends.OtherSubnets.Select(subnet => subnet.Range).ToArray())
                with
                {
                    AnyOf = ends.OtherSubnets.Select(subnet => TrafficEndpoint.OfSubnet(subnet.ToString(), subnet))
                        .ToArray(),
                }],
        "dnsServers" =>
            ends.DnsServers.Distinct()
            .Select(server => TrafficEndpoint.Addresses($"the DNS server {server}", new Ipv4Range(server, server))),
        "geoReplicaSubnets" =>
            ends.GeoPeers.Select(peer => TrafficEndpoint.OfSubnet($"the geo-replica subnet {peer}", peer)),
        // The hosts behind "*" (PKI, updates, activation, time) are on the internet.
        "*" => [TrafficEndpoint.Service("Internet", "*")],
        _ => [TrafficEndpoint.Service(remote, remote)],
    };
}
