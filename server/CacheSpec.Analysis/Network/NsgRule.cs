
namespace CacheSpec.Analysis.Network;

/// <summary>An NSG rule ready for evaluation; Origin is the rule's syntax (null for Azure's default rules).</summary>
public sealed record NsgRule(
    string Name,
    int Priority,
    TrafficDirection Direction,
    RuleAccess Access,
    TrafficProtocol Protocol,
    AddressSelector Source,
    AddressSelector Destination,
    IReadOnlyList<PortRange> Ports,
    object? Origin = null)
{
    /// <summary>Azure's default rules, which every NSG has below the user's (priorities 65000 and up).</summary>
    public static IReadOnlyList<NsgRule> Defaults { get; } = new[]
    {
        new NsgRule("AllowVnetInBound", 65000, TrafficDirection.Inbound, RuleAccess.Allow, TrafficProtocol.Any,
            AddressSelector.ForTag("VirtualNetwork"), AddressSelector.ForTag("VirtualNetwork"),
                new[] { PortRange.Any }),
        new NsgRule("AllowAzureLoadBalancerInBound", 65001, TrafficDirection.Inbound, RuleAccess.Allow,
            TrafficProtocol.Any,
            AddressSelector.ForTag("AzureLoadBalancer"), AddressSelector.Any, new[] { PortRange.Any }),
        new NsgRule("DenyAllInBound", 65500, TrafficDirection.Inbound, RuleAccess.Deny, TrafficProtocol.Any,
            AddressSelector.Any, AddressSelector.Any, new[] { PortRange.Any }),
        new NsgRule("AllowVnetOutBound", 65000, TrafficDirection.Outbound, RuleAccess.Allow, TrafficProtocol.Any,
            AddressSelector.ForTag("VirtualNetwork"), AddressSelector.ForTag("VirtualNetwork"),
                new[] { PortRange.Any }),
        new NsgRule("AllowInternetOutBound", 65001, TrafficDirection.Outbound, RuleAccess.Allow, TrafficProtocol.Any,
            AddressSelector.Any, AddressSelector.ForTag("Internet"), new[] { PortRange.Any }),
        new NsgRule("DenyAllOutBound", 65500, TrafficDirection.Outbound, RuleAccess.Deny, TrafficProtocol.Any,
            AddressSelector.Any, AddressSelector.Any, new[] { PortRange.Any }),
    };
}
