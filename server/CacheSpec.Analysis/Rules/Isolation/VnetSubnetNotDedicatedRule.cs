using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetSubnetNotDedicatedRule : CacheRule
{
    public override string Id => "vnet-subnet-not-dedicated";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.ItemAndReferences;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "The injected subnet also holds other resources or private endpoints.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection?.Subnet is not { } reference
            || context.Model.FindSubnet(reference.Value) is not { } subnet)
        {
            return;
        }
        var others = subnet.OtherResources.Select(resource => $"'{resource.Value}'")
            .Concat(context.Model.PrivateEndpointsIn(subnet)
                .Select(endpoint => $"private endpoint '{endpoint.Name?.Value ?? "unnamed"}'"))
            .ToArray();
        if (others.Length > 0)
        {
            context.Report(cache.Document, reference.Node,
                $"Cache '{cache.DisplayName}' is injected into '{reference.Value}', which also holds " +
                    $"{string.Join(", ", others)}; a VNet-injected cache needs a subnet dedicated to Redis caches.");
        }
    }
}
