using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Evaluates the injected subnet's NSG for each inbound port range the cache needs, from each required source.
/// </summary>
public sealed class VnetInboundPortBlockedRule : Rule
{
    public override string Id => "vnet-inbound-port-blocked";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.InjectedSubnet;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "The injected subnet's NSG denies an inbound port range of the profile's table from the Redis subnet, " +
        "clients, the load balancer or geo-replicas.";
    public override FixProvider Fix { get; } = new VnetInboundPortBlockedFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var subnet in context.InjectedSubnets)
        {
            context.Checkpoint();
            context.Unit = subnet;
            if (subnet.AddressPrefix is null)
            {
                continue;
            }
            InjectedSubnetFlows.Check(context, subnet, TrafficDirection.Inbound);
        }
    }
}
