using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class CacheUnreachableRule : CacheRule
{
    public override string Id => "cache-unreachable";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "publicNetworkAccess is Disabled and the cache has neither a private endpoint nor VNet injection.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.PublicNetworkAccess is { Value: NetworkAccess.Disabled } access && !cache.HasPrivateEndpoints
            && cache.VnetInjection is null)
        {
            context.Report(cache.Document, access.Node,
                $"Cache '{cache.DisplayName}' has public access Disabled and no private endpoint or VNet injection: " +
                    "no client can reach it.");
        }
    }
}
