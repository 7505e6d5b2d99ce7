using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetInjectionWithPrivateEndpointRule : CacheRule
{
    public override string Id => "vnet-injection-with-private-endpoint";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A cache has both VNet injection and private endpoints.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is not null && cache.HasPrivateEndpoints)
        {
            context.Report(cache.Document, cache.PrivateEndpointsKey!,
                $"Cache '{cache.DisplayName}' is VNet-injected, so it cannot also have private endpoints " +
                    $"({string.Join(", ", cache.PrivateEndpoints.Select(pe => pe.Name?.Value ?? "unnamed"))}); " +
                    "choose one of the two.");
        }
    }
}
