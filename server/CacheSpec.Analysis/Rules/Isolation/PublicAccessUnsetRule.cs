using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PublicAccessUnsetRule : CacheRule
{
    public override string Id => "public-access-unset";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "publicNetworkAccess is absent on a Basic, Standard or Premium cache that is not VNet-injected.";
    public override FixProvider Fix { get; } = new PublicAccessUnsetFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.PublicNetworkAccess is null && cache.VnetInjection is null && cache.IsolationKey is { } isolation
            && cache.Tier is { Value: CacheTier.Basic or CacheTier.Standard or CacheTier.Premium })
        {
            context.Report(cache.Document, isolation, cache.Document.Profile == GuidanceProfile.V2020_10
                ? $"Cache '{cache.DisplayName}' leaves publicNetworkAccess unset, so it is Enabled: the October 2020 " +
                    "guidance, the Private Link article and the API all default it to Enabled; state it."
                : $"Cache '{cache.DisplayName}' leaves publicNetworkAccess unset; today's docs say it defaults to " +
                    "Disabled while the API and Terraform default to Enabled, so state it.");
        }
    }
}
