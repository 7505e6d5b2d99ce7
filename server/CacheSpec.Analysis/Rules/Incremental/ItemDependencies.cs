using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Isolation;

namespace CacheSpec.Analysis.Rules.Incremental;

/// <summary>
/// The twin of what the rules that read across items look up (<see cref="RuleInputs.ItemAndReferences"/>,
/// <see cref="RuleInputs.InjectedSubnet"/>, <see cref="RuleInputs.Model"/>): for an item (a network, an NSG, a
/// cache), every key whose change can change the findings that lie in it; for an edited file, the keys whose meaning
/// the edit changed. An item's keys are found by following only keys it depends on, so an item none of whose keys
/// changed keeps both its findings and its keys. A rule that starts to read something new must say so here:
/// <c>IncrementalAnalysisTests</c> compares incremental results with fresh ones after random edits.
/// </summary>
internal static class ItemDependencies
{
    /// <summary>The items of a file, in document order: networks, NSGs, then caches of each document.</summary>
    public static IEnumerable<object> ItemsOf(SpecFile file)
    {
        foreach (var document in file.Documents)
        {
            foreach (var network in document.Networks)
            {
                yield return network;
            }
            foreach (var nsg in document.NetworkSecurityGroups)
            {
                yield return nsg;
            }
            foreach (var cache in document.Caches)
            {
                yield return cache;
            }
        }
    }

    /// <summary>The keys whose change can change the findings that lie in the item.</summary>
    public static HashSet<DependencyKey> Of(object item, WorkspaceModel model)
    {
        var keys = new HashSet<DependencyKey>();
        switch (item)
        {
            case NetworkModel network:
                OfNetwork(network, model, keys);
                break;
            case NsgModel nsg:
                OfNsg(nsg, model, keys);
                break;
            case CacheModel cache:
                OfCache(cache, model, keys);
                break;
        }
        return keys;
    }

    private static void OfNetwork(NetworkModel network, WorkspaceModel model, HashSet<DependencyKey> keys)
    {
        Declares(keys, DependencyKind.Network, network.Name);
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
            // Only the first declaration of a subnet takes injected caches (and their findings).
            if (subnet.QualifiedName is { } qualified && model.FindSubnet(qualified) == subnet)
            {
                InjectedSubnet(subnet, qualified, model, keys);
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
        if (nsg.Name is { } name)
        {
            keys.Add(new(DependencyKind.NsgUsers, name.Value));
            foreach (var subnet in model.SubnetsNaming(name.Value))
            {
                if (subnet.QualifiedName is { } qualified && model.FindSubnet(qualified) == subnet)
                {
                    InjectedSubnet(subnet, qualified, model, keys);
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
        if (cache.VnetInjection?.Subnet is { } injected)
        {
            SubnetReference(injected.Value, model, keys);
            keys.Add(new(DependencyKind.EndpointsIn, injected.Value));
            if (model.FindSubnet(injected.Value) is { } subnet)
            {
                InjectedSubnet(subnet, injected.Value, model, keys);
            }
        }
        if (cache.LinkedCache is { } linked)
        {
            keys.Add(new(DependencyKind.Cache, linked.Value));
            if (model.FindCache(linked.Value) is null)
            {
                Unresolved(keys, DependencyKind.Cache);
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
