using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PublicAccessWithPrivateEndpointRule : CacheRule
{
    public override string Id => "public-access-with-private-endpoint";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary => "A cache has private endpoints while publicNetworkAccess is not Disabled.";
    public override FixProvider Fix { get; } = new PublicAccessWithPrivateEndpointFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.HasPrivateEndpoints && cache.PublicAccessMayBeEnabled)
        {
            var shown = cache.PublicNetworkAccess is { } access ? $"publicNetworkAccess is {access.Value}"
                : "publicNetworkAccess is not set";
            context.Report(cache.Document, (cache.PublicNetworkAccess?.Node ?? cache.PrivateEndpointsKey!),
                $"Cache '{cache.DisplayName}' has private endpoints but {shown}, so it stays reachable from the " +
                    "internet; set it to Disabled for private-only access.");
        }
    }
}
