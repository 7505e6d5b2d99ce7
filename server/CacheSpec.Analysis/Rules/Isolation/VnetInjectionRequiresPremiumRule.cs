using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetInjectionRequiresPremiumRule : CacheRule
{
    public override string Id => "vnet-injection-requires-premium";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "VNet injection is configured on a tier other than Premium (and never exists on Azure Managed Redis).";
    public override FixProvider Fix { get; } = new VnetInjectionRequiresPremiumFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is { } injection && cache.IsManagedRedis)
        {
            context.Report(cache.Document, injection.Key,
                $"Cache '{cache.DisplayName}' is {cache.Tier!.Value}, an Azure Managed Redis tier, and VNet " +
                    "injection is not available on Azure Managed Redis: use a private endpoint.");
        }
        else if (cache.VnetInjection is { } injected && cache.Tier is { Value: not CacheTier.Premium } tier)
        {
            context.Report(cache.Document, injected.Key,
                $"Cache '{cache.DisplayName}' is {tier.Value}, but VNet injection is only available on the Premium " +
                    "tier.");
        }
    }
}
