using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The networks, NSGs and caches a rule checks in one analysis, and the injected subnets they make up.
/// </summary>
internal sealed class ScopedItems
{
    private readonly WorkspaceModel model;
    private IReadOnlyList<SubnetModel>? injectedSubnets;

    public ScopedItems(WorkspaceModel model, IReadOnlyList<NetworkModel> networks, IReadOnlyList<NsgModel> nsgs,
        IReadOnlyList<CacheModel> caches, IReadOnlyList<SubnetModel>? injectedSubnets)
    {
        this.model = model;
        Networks = networks;
        NetworkSecurityGroups = nsgs;
        Caches = caches;
        this.injectedSubnets = injectedSubnets;
    }

    public IReadOnlyList<NetworkModel> Networks { get; }

    public IReadOnlyList<NsgModel> NetworkSecurityGroups { get; }

    public IReadOnlyList<CacheModel> Caches { get; }

    /// <summary>
    /// The subnets with injected caches whose findings may lie in these items: the subnets of these networks, those
    /// the caches are injected into, and those whose NSG is one of these (its rules carry the subnet's findings).
    /// </summary>
    public IReadOnlyList<SubnetModel> InjectedSubnets => injectedSubnets ??= Gather();

    private SubnetModel[] Gather()
    {
        var found = new HashSet<SubnetModel>();
        var ordered = new List<SubnetModel>();
        void Add(SubnetModel? subnet)
        {
            if (subnet is not null && model.CachesInjectedInto(subnet).Count > 0 && found.Add(subnet))
            {
                ordered.Add(subnet);
            }
        }
        foreach (var network in Networks)
        {
            foreach (var subnet in network.Subnets)
            {
                Add(subnet);
            }
        }
        foreach (var cache in Caches)
        {
            if (cache.VnetInjection?.Subnet is { } reference)
            {
                Add(model.FindSubnet(reference.Value));
            }
        }
        foreach (var nsg in NetworkSecurityGroups)
        {
            if (nsg.Name is { } name)
            {
                foreach (var subnet in model.SubnetsNaming(name.Value))
                {
                    Add(subnet);
                }
            }
        }
        return ordered.ToArray();
    }
}
