using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

public sealed class ClusteredCacheMultiplePrivateEndpointsRule : CacheRule
{
    public override string Id => "clustered-cache-multiple-private-endpoints";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A clustered cache has more than one private endpoint.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.IsClustered && cache.PrivateEndpoints.Count > 1)
        {
            var extra = cache.PrivateEndpoints[1];
            context.Report(cache.Document, (extra.Name?.Node ?? extra.Syntax),
                $"Cache '{cache.DisplayName}' is clustered (shardCount {cache.ShardCount!.Value}) and has " +
                    $"{cache.PrivateEndpoints.Count} private endpoints; a clustered cache supports only one.");
        }
    }
}
