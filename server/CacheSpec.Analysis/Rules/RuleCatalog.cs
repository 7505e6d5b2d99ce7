using System.Collections.Frozen;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Rules.Isolation;
using CacheSpec.Analysis.Rules.Settings;
using CacheSpec.Analysis.Rules.Structure;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// Every rule the engine runs, in the order of the design's catalog. Adding a rule means adding it here.
/// </summary>
public static class RuleCatalog
{
    /// <summary>
    /// Not a rule: the code a finding gets when a rule itself fails, so one broken rule cannot silence the others.
    /// </summary>
    public const string InternalErrorId = "internal-error";

    /// <summary>
    /// True for the findings that say the text could not be read or checked in full (yaml-syntax, limit-exceeded): no
    /// configured level and no suppression comment silences them.
    /// </summary>
    public static bool CannotBeSilenced(string id) => id is YamlSyntaxRule.RuleId or LimitExceededRule.RuleId;

    /// <summary>Parses a cachespec.json, whose rule ids must be the catalog's.</summary>
    public static RuleConfiguration ParseConfiguration(string json, out IReadOnlyList<string> problems) =>
        RuleConfiguration.Parse(json, Ids, out problems);

    public static IReadOnlyList<Rule> All { get; } = new Rule[]
    {
        // First: the analysis's time limit is checked between rules, so the other limits are always reported.
        new LimitExceededRule(),
        new YamlSyntaxRule(),
        new UnknownKeyRule(),
        new InvalidValueRule(),
        new MissingRequiredRule(),
        new DuplicateNameRule(),
        new UnresolvedReferenceRule(),
        new InvalidCidrRule(),
        new SubnetOutsideAddressSpaceRule(),
        new OverlappingSubnetsRule(),
        new ReservedAddressRangeRule(),
        new InvalidSizeForTierRule(),
        new VnetInjectionRequiresPremiumRule(),
        new VnetInjectionWithPrivateEndpointRule(),
        new VnetInjectionNotRecommendedRule(),
        new VnetSubnetTooSmallRule(),
        new VnetSubnetNotDedicatedRule(),
        new VnetStaticIpInvalidRule(),
        new VnetDependencyBlockedRule(),
        new VnetInboundPortBlockedRule(),
        new VnetPublicAccessIgnoredRule(),
        new PrivateEndpointWithFirewallRulesRule(),
        new FirewallRulesWithoutPublicAccessRule(),
        new PrivateEndpointGeoReplicationRule(),
        new ClusteredCacheMultiplePrivateEndpointsRule(),
        new ClusteredPrivateLinkPublicAccessRule(),
        new PublicAccessWithPrivateEndpointRule(),
        new PublicAccessUnsetRule(),
        new CacheUnreachableRule(),
        new PrivateEndpointMovesTrafficRule(),
        new NsgNotEnforcedOnPrivateEndpointRule(),
        new PrivateEndpointGroupIdRule(),
        new PrivateDnsZoneRule(),
        new NoNetworkIsolationRule(),
        new FirewallRuleInvalidRangeRule(),
        new FirewallRuleAllowsInternetRule(),
        new FirewallRulesEnterpriseRule(),
        new FirewallAllowListLargeRule(),
        new NonTlsPortEnabledRule(),
        new MinimumTlsVersionRule(),
        new ClusteringRequiresPremiumRule(),
        new GeoReplicationRequiresPremiumRule(),
        new GeoReplicationWithPersistenceRule(),
        new PersistenceRequiresPremiumRule(),
        new InvalidZonesRule(),
        new RedisVersionRetiredRule(),
        new AccessKeyAuthenticationRule(),
        new AccessKeysWithoutEntraRule(),
        new VnetSubnetNatGatewayRule(),
        new VnetForcedTunnelingRule(),
        new PersistenceStorageFirewallRule(),
        new GeoReplicationAddressOverlapRule(),
        new InvalidSuppressionRule(),

        // Last: it applies the suppressions to every finding above.
        new UnusedSuppressionRule(),
    };

    private static readonly FrozenDictionary<string, Rule> ById = All.ToFrozenDictionary(rule => rule.Id,
        StringComparer.Ordinal);

    /// <summary>The ids of the rules that have quick fixes, in catalog order.</summary>
    public static IEnumerable<string> IdsWithFixes => All.Where(rule => rule.Fix is not null).Select(rule => rule.Id);

    /// <summary>Every rule id, for what checks ids without the rules (cachespec.json).</summary>
    public static IReadOnlySet<string> Ids { get; } = ById.Keys.ToFrozenSet(StringComparer.Ordinal);

    public static Rule? Find(string id) => ById.GetValueOrDefault(id);
}
