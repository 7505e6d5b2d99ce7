namespace CacheSpec.Analysis.Features;

/// <summary>What a named thing of a spec is; hosts map it to their own symbol kinds.</summary>
public enum SymbolCategory
{
    Network,
    Subnet,
    SecurityGroup,
    SecurityRule,
    Cache,
    PrivateEndpoint,
    VnetInjection,
    FirewallRule,
}
