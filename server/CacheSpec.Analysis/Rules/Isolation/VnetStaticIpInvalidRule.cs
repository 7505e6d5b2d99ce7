using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetStaticIpInvalidRule : CacheRule
{
    public override string Id => "vnet-static-ip-invalid";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.ItemAndReferences;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "The static IP is outside the injected subnet or one of its five Azure-reserved addresses.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is not { StaticIp: { } staticIp, Subnet: { } reference }
            || context.Model.FindSubnet(reference.Value)?.AddressPrefix is not { } prefix)
        {
            return;
        }
        if (!prefix.Value.Range.Contains(staticIp.Value))
        {
            context.Report(cache.Document, staticIp.Node,
                $"Static IP {staticIp.Value} is outside subnet '{reference.Value}' ({prefix.Value}).");
        }
        else if (prefix.Value.IsAzureReserved(staticIp.Value))
        {
            context.Report(cache.Document, staticIp.Node,
                $"Static IP {staticIp.Value} is one of the five addresses Azure reserves in {prefix.Value} (the " +
                    "first four and the last); pick another.");
        }
    }
}
