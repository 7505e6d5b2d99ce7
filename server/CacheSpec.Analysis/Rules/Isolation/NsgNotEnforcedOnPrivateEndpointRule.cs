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
            var policiesEnabled = subnet.PrivateEndpointNetworkPolicies?.Value == "Enabled";
            if (cache.Document.Profile == GuidanceProfile.V2020_10)
            {
                // In October 2020 NSGs never applied to private endpoints; the subnet's setting changed nothing.
                context.Report(cache.Document, reference.Node,
                    $"NSG '{nsg.Value}' of subnet '{reference.Value}' does not filter traffic to private endpoint " +
                        $"'{endpoint.Name?.Value}': in the October 2020 guidance NSGs apply only to the subnet's " +
                        "other resources" + (policiesEnabled
                            ? ", and a subnet for private endpoints needs its network policies Disabled."
                            : "."));
            }
            else if (!policiesEnabled)
            {
                context.Report(cache.Document, reference.Node,
                    $"Subnet '{reference.Value}' has NSG '{nsg.Value}', but it is not enforced on private endpoint " +
                        $"'{endpoint.Name?.Value}' unless the subnet's privateEndpointNetworkPolicies is Enabled.");
            }
        }
    }
}
