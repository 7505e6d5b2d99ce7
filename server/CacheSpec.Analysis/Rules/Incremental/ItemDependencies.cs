using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Isolation;

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>
/// The twin of what the rules that read across items look up (<see cref="RuleInputs.ItemAndReferences"/>,
/// <see cref="RuleInputs.InjectedSubnet"/>, <see cref="RuleInputs.Model"/>): for a unit (a network, an NSG, a
/// cache, or a subnet with injected caches), every key whose change can change the findings reported for it. A unit's
/// keys are found by following only keys it depends on, so a unit none of whose keys changed keeps both its findings
/// and its keys. A rule that starts to read something new must say so here:
/// <c>IncrementalAnalysisTests</c> compares incremental results with fresh ones after random edits.
/// </summary>
internal static class ItemDependencies
{
    /// <summary>
    /// The units of a file that rules reading across items check, in document order: each network, NSG and cache, and
    /// each subnet (the unit of the rules that read an injected subnet).
    /// </summary>
    public static IEnumerable<object> UnitsOf(SpecFile file)
    {
        foreach (var document in file.Documents)
        {
            foreach (var network in document.Networks)
            {
                yield return network;
                foreach (var subnet in network.Subnets)
                {
                    yield return subnet;
                }
            }
            foreach (var nsg in document.NetworkSecurityGroups)
            {
                yield return nsg;
            }
            foreach (var cache in document.Caches)
            {
                yield return cache;
            }
            foreach (var zone in document.PrivateDnsZones)
            {
                yield return zone;
            }
        }
    }

    /// <summary>The file a unit belongs to.</summary>
    public static SpecFile FileOf(object unit) => unit switch
    {
        NetworkModel network => network.Document.File,
        SubnetModel subnet => subnet.Network.Document.File,
        NsgModel nsg => nsg.Document.File,
        CacheModel cache => cache.Document.File,
        PrivateDnsZoneModel zone => zone.Document.File,
        _ => throw new ArgumentException($"Not a unit: {unit.GetType().Name}", nameof(unit)),
    };

    /// <summary>The keys whose change can change the findings reported for the unit.</summary>
    public static HashSet<DependencyKey> Of(object unit, WorkspaceModel model)
    {
        var keys = new HashSet<DependencyKey>();
        switch (unit)
        {
            case NetworkModel network:
                OfNetwork(network, model, keys);
                break;
            case SubnetModel { QualifiedName: { } qualified } subnet:
                // Only the first declaration of a subnet takes injected caches (and their findings); a later one
                // becomes the first when the declarations of its name change.
                keys.Add(new(DependencyKind.Subnet, qualified));
                if (model.FindSubnet(qualified) == subnet)
                {
                    InjectedSubnet(subnet, qualified, model, keys);
                }
                break;
            case NsgModel nsg:
                OfNsg(nsg, model, keys);
                break;
            case CacheModel cache:
                OfCache(cache, model, keys);
                break;
            case PrivateDnsZoneModel zone:
                Declares(keys, DependencyKind.PrivateDnsZone, zone.Name);
                foreach (var link in zone.VirtualNetworkLinks)
                {
                    NetworkReference(link.Value, model, keys);
                }
                break;
        }
        return keys;
    }

    private static void OfNetwork(NetworkModel network, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        Declares(keys, DependencyKind.Network, network.Name);
        foreach (var peer in network.Peerings.Select(peering => peering.Network).Concat(network.ConnectedTo))
        {
            if (peer is not null)
            {
                NetworkReference(peer.Value, model, keys);
            }
        }
        foreach (var subnet in network.Subnets)
        {
            if (subnet.NetworkSecurityGroup is { } nsg)
            {
                keys.Add(new(DependencyKind.Nsg, nsg.Value));
                if (model.FindNsg(nsg.Value) is null)
                {
                    Unresolved(keys, DependencyKind.Nsg);
                }
            }
        }
    }

    private static void OfNsg(NsgModel nsg, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        Declares(keys, DependencyKind.Nsg, nsg.Name);
        foreach (var rule in nsg.Rules)
        {
            foreach (var address in new[] { rule.Source, rule.Destination })
            {
                if (address is not null && AddressText.LooksLikeSubnetReference(address.Value))
                {
                    SubnetReference(address.Value, model, keys);
                }
            }
        }
    }

    private static void OfCache(CacheModel cache, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        Declares(keys, DependencyKind.Cache, cache.Name);
        foreach (var endpoint in cache.PrivateEndpoints)
        {
            Declares(keys, DependencyKind.PrivateEndpoint, endpoint.Name);
            if (endpoint.Subnet is { } reference)
            {
                SubnetReference(reference.Value, model, keys);
            }
        }
        foreach (var client in cache.Clients)
        {
            if (client.FromIsReference && client.From!.Value.Contains('/'))
            {
                SubnetReference(client.From.Value, model, keys);
            }
            else if (client.FromIsReference)
            {
                NetworkReference(client.From!.Value, model, keys);
            }
        }
        if (cache.VnetInjection?.Subnet is { } injected)
        {
            SubnetReference(injected.Value, model, keys);
            keys.Add(new(DependencyKind.EndpointsIn, injected.Value));
        }
        if (cache.LinkedCache is { } linked)
        {
            keys.Add(new(DependencyKind.Cache, linked.Value));
            if (model.FindCache(linked.Value) is not { } peer)
            {
                Unresolved(keys, DependencyKind.Cache);
            }
            else if (peer.VnetInjection?.Subnet is { } peerSubnet)
            {
                // The address space of the network the geo-replica is injected into (geo-replication-address-overlap).
                SubnetReference(peerSubnet.Value, model, keys);
            }
        }
    }

    /// <summary>What the findings of a subnet with injected caches read: its NSG and the subnets the NSG's rules
    /// name, the caches injected there, and the subnets their geo-replicas are injected into.</summary>
    private static void InjectedSubnet(SubnetModel subnet, string qualified, WorkspaceModel model,
        HashSet<DependencyKey> keys)
    {
        keys.Add(new(DependencyKind.InjectedInto, qualified));
        keys.Add(new(DependencyKind.Subnet, qualified));
        if (subnet.NetworkSecurityGroup is { } nsgName)
        {
            keys.Add(new(DependencyKind.Nsg, nsgName.Value));
            if (model.FindNsg(nsgName.Value) is { } nsg)
            {
                foreach (var reference in NsgResolver.SubnetReferences(nsg))
                {
                    keys.Add(new(DependencyKind.Subnet, reference));
                }
            }
        }
        foreach (var cache in model.CachesInjectedInto(subnet))
        {
            if (cache.LinkedCache is { } linked)
            {
                keys.Add(new(DependencyKind.Cache, linked.Value));
                if (model.FindCache(linked.Value)?.VnetInjection?.Subnet is { } peerSubnet)
                {
                    keys.Add(new(DependencyKind.Subnet, peerSubnet.Value));
                }
            }
        }
    }

    /// <summary>A "network/subnet" reference: the subnet, its network, and the NSG of the subnet.</summary>
    private static void SubnetReference(string reference, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        keys.Add(new(DependencyKind.Subnet, reference));
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            keys.Add(new(DependencyKind.Network, reference[..slash]));
        }
        if (model.FindSubnet(reference) is { } subnet)
        {
            if (subnet.NetworkSecurityGroup is { } nsg)
            {
                keys.Add(new(DependencyKind.Nsg, nsg.Value));
            }
        }
        else
        {
            Unresolved(keys, DependencyKind.Subnet);
        }
    }

    /// <summary>A network named by its name (v1.1: peerings, connections, zone links, clients).</summary>
    private static void NetworkReference(string name, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        keys.Add(new(DependencyKind.Network, name));
        if (model.FindNetwork(name) is null)
        {
            Unresolved(keys, DependencyKind.Network);
        }
    }

    private static void Declares(HashSet<DependencyKey> keys, DependencyKind kind, Located<string>? name)
    {
        if (name is not null)
        {
            keys.Add(new(kind, name.Value));
        }
    }

    /// <summary>A reference that names nothing: its message offers the names of its kind, unless the name may stand
    /// in text a syntax error left unread.</summary>
    private static void Unresolved(HashSet<DependencyKey> keys, DependencyKind kind)
    {
        keys.Add(new(DependencyKind.NamesOf, kind.ToString()));
        keys.Add(new(DependencyKind.UnreadText, string.Empty));
    }
}
