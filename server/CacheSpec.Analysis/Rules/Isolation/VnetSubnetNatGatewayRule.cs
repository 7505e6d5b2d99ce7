using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// A NAT gateway on a subnet that caches are injected into: the cache's basic load balancer cannot work beside one, so
/// the deployment fails. The current guidance states it; the October 2020 text does not.
/// </summary>
public sealed class VnetSubnetNatGatewayRule : Rule
{
    public override string Id => "vnet-subnet-nat-gateway";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.InjectedSubnet;
    public override Severities Severities => new(null, DiagnosticSeverity.Error);
    public override string Summary => "A subnet that holds a VNet-injected cache has a NAT gateway.";
    public override FixProvider Fix { get; } = new VnetSubnetNatGatewayFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var subnet in context.InjectedSubnets)
        {
            context.Checkpoint();
            context.Unit = subnet;
            if (subnet.NatGateway is not { Value: true } nat || !context.Applies(subnet.Network.Document))
            {
                continue;
            }
            var caches = string.Join(", ",
                context.Model.CachesInjectedInto(subnet).Select(cache => $"'{cache.DisplayName}'"));
            context.Report(subnet.Network.Document, nat.Node,
                $"Subnet '{subnet.QualifiedName}' has a NAT gateway, and VNet-injected caches ({caches}) cannot be " +
                    "deployed beside one: their basic load balancer is not compatible with it.");
        }
    }
}
