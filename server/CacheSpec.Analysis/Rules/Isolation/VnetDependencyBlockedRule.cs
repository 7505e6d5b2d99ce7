using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>Evaluates the injected subnet's NSG for each outbound dependency the cache needs.</summary>
public sealed class VnetDependencyBlockedRule : Rule
{
    public override string Id => "vnet-dependency-blocked";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.InjectedSubnet;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "The injected subnet's NSG denies an outbound flow of the profile's table (Azure services, the internet, " +
        "DNS, the Redis subnet, geo-replicas).";
    public override FixProvider Fix { get; } = new VnetDependencyBlockedFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var subnet in context.InjectedSubnets)
        {
            context.Checkpoint();
            context.Unit = subnet;
            InjectedSubnetFlows.Check(context, subnet, TrafficDirection.Outbound);
        }
    }
}
