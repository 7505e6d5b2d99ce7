using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetInjectionNotRecommendedRule : CacheRule
{
    public override string Id => "vnet-injection-not-recommended";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(null, DiagnosticSeverity.Warning);
    public override string Summary => "VNet injection is used; the current guidance recommends Private Link instead.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is { } injection)
        {
            context.Report(cache.Document, injection.Key,
                $"Cache '{cache.DisplayName}' uses VNet injection, which the current guidance no longer recommends; " +
                    "prefer a private endpoint (Private Link).");
        }
    }
}
