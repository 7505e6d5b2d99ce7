using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class PrivateEndpointGeoReplicationRule : CacheRule
{
    public override string Id => "private-endpoint-geo-replication";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => new(DiagnosticSeverity.Error, DiagnosticSeverity.Info);
    public override string Summary => "Private endpoints and geo-replication on one cache.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (!cache.HasPrivateEndpoints || cache.GeoReplicationKey is not { } geo)
        {
            return;
        }
        var message = cache.Profile == GuidanceProfile.V2020_10
            ? $"Cache '{cache.DisplayName}' has private endpoints, and geo-replication is not supported with " +
                "Private Link in the 2020-10 guidance."
            : $"Cache '{cache.DisplayName}' combines private endpoints with geo-replication: add the private " +
                "endpoint before linking (unlink, add the endpoint, relink).";
        context.Report(cache.Document, geo, message);
    }
}
