using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class NsgNotEnforcedOnPrivateEndpointRule : CacheRule
{
    public override string Id => "nsg-not-enforced-on-private-endpoint";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.ItemAndReferences;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Info);
    public override string Summary =>
        "The private endpoint's subnet has an NSG, but privateEndpointNetworkPolicies is not Enabled, so the NSG " +
        "does not apply to the endpoint.";
    public override FixProvider Fix { get; } = new NsgNotEnforcedOnPrivateEndpointFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        foreach (var endpoint in cache.PrivateEndpoints)
        {
            context.Checkpoint();
            if (endpoint.Subnet is not { } reference
                || context.Model.FindSubnet(reference.Value) is not { NetworkSecurityGroup: { } nsg } subnet)
            {
                continue;
            }
            if (subnet.PrivateEndpointNetworkPolicies?.Value != "Enabled")
            {
                context.Report(cache.Document, reference.Node,
                    $"Subnet '{reference.Value}' has NSG '{nsg.Value}', but it is not enforced on private endpoint " +
                        $"'{endpoint.Name?.Value}' unless the subnet's privateEndpointNetworkPolicies is Enabled.");
            }
        }
    }
}
