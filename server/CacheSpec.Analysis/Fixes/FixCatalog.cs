namespace CacheSpec.Analysis.Fixes;

/// <summary>Every fix provider, one per rule that has quick fixes. Adding fixes for a rule means adding its provider here.</summary>
public static class FixCatalog
{
    public static IReadOnlyList<FixProvider> All { get; } = new FixProvider[]
    {
        new UnknownKeyFix(),
        new InvalidValueFix(),
        new MissingRequiredFix(),
        new UnresolvedReferenceFix(),
        new InvalidCidrFix(),
        new InvalidSizeForTierFix(),
        new VnetInjectionRequiresPremiumFix(),
        new VnetSubnetTooSmallFix(),
        new VnetDependencyBlockedFix(),
        new VnetInboundPortBlockedFix(),
        new VnetPublicAccessIgnoredFix(),
        new PrivateEndpointWithFirewallRulesFix(),
        new FirewallRulesWithoutPublicAccessFix(),
        new ClusteredPrivateLinkPublicAccessFix(),
        new PublicAccessWithPrivateEndpointFix(),
        new PublicAccessUnsetFix(),
        new NsgNotEnforcedOnPrivateEndpointFix(),
        new PrivateEndpointGroupIdFix(),
        new PrivateDnsZoneFix(),
        new FirewallRuleInvalidRangeFix(),
        new FirewallRulesEnterpriseFix(),
        new NonTlsPortEnabledFix(),
        new MinimumTlsVersionFix(),
        new ClusteringRequiresPremiumFix(),
        new GeoReplicationRequiresPremiumFix(),
        new PersistenceRequiresPremiumFix(),
    };

    private static readonly ILookup<string, FixProvider> ByRule = All.ToLookup(provider => provider.RuleId, StringComparer.Ordinal);

    /// <summary>The ids of the rules that have quick fixes.</summary>
    public static IEnumerable<string> RuleIds => All.Select(provider => provider.RuleId);

    public static IEnumerable<FixProvider> For(string ruleId) => ByRule[ruleId];
}
