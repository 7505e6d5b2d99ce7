using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The networks, NSGs, caches and injected subnets a rule checks in one analysis.
/// </summary>
internal sealed class ScopedItems
{
    public ScopedItems(IReadOnlyList<NetworkModel> networks, IReadOnlyList<NsgModel> nsgs,
        IReadOnlyList<CacheModel> caches, IReadOnlyList<SubnetModel> injectedSubnets)
    {
        Networks = networks;
        NetworkSecurityGroups = nsgs;
        Caches = caches;
        InjectedSubnets = injectedSubnets;
    }

    public IReadOnlyList<NetworkModel> Networks { get; }

    public IReadOnlyList<NsgModel> NetworkSecurityGroups { get; }

    public IReadOnlyList<CacheModel> Caches { get; }

    /// <summary>The subnets with injected caches to check.</summary>
    public IReadOnlyList<SubnetModel> InjectedSubnets { get; }
}
