using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class VnetPublicAccessIgnoredRule : CacheRule
{
    public override string Id => "vnet-public-access-ignored";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Info);
    public override string Summary =>
        "publicNetworkAccess is set on a VNet-injected cache, which is never publicly addressable.";
    public override FixProvider Fix { get; } = new VnetPublicAccessIgnoredFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.VnetInjection is not null && cache.PublicNetworkAccess is { } access)
        {
            context.Report(cache.Document, access.KeyOrNode,
                $"publicNetworkAccess: {access.Value} has no effect on cache '{cache.DisplayName}': a VNet-injected " +
                    "cache is never publicly addressable.");
        }
    }
}
