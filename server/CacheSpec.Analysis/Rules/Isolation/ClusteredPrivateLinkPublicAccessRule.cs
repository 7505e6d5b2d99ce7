using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class ClusteredPrivateLinkPublicAccessRule : CacheRule
{
    public override string Id => "clustered-private-link-public-access";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(DiagnosticSeverity.Error, null);
    public override string Summary =>
        "A clustered cache with a private endpoint whose publicNetworkAccess is not Disabled.";
    public override FixProvider Fix { get; } = new ClusteredPrivateLinkPublicAccessFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.IsClustered && cache.HasPrivateEndpoints && cache.PublicAccessMayBeEnabled)
        {
            var shown = cache.PublicNetworkAccess is { } access ? $"is {access.Value}" : "is not set";
            context.Report(cache.Document, (cache.PublicNetworkAccess?.Node ?? cache.PrivateEndpointsKey!),
                $"Cache '{cache.DisplayName}' is clustered and uses Private Link, so publicNetworkAccess must be " +
                    $"Disabled to connect through the endpoint; it {shown}.");
        }
    }
}
