using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The networks, NSGs, caches, injected subnets and private DNS zones a rule checks in one analysis.
/// </summary>
internal sealed class ScopedItems
{
    public ScopedItems(IReadOnlyList<NetworkModel> networks, IReadOnlyList<NsgModel> nsgs,
        IReadOnlyList<CacheModel> caches, IReadOnlyList<SubnetModel> injectedSubnets,
        IReadOnlyList<PrivateDnsZoneModel> privateDnsZones)
    {
        PrivateDnsZones = privateDnsZones;
        Networks = networks;
        NetworkSecurityGroups = nsgs;
        Caches = caches;
        InjectedSubnets = injectedSubnets;
    }

    public IReadOnlyList<NetworkModel> Networks { get; }

    public IReadOnlyList<NsgModel> NetworkSecurityGroups { get; }

    public IReadOnlyList<CacheModel> Caches { get; }

    /// <summary>The private DNS zones to check (v1.1).</summary>
    public IReadOnlyList<PrivateDnsZoneModel> PrivateDnsZones { get; }

    /// <summary>The subnets with injected caches to check.</summary>
    public IReadOnlyList<SubnetModel> InjectedSubnets { get; }
}
