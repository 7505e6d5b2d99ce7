using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class GeoReplicationWithPersistenceRule : CacheRule
{
    public override string Id => "geo-replication-with-persistence";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "geoReplication and persistence other than none on one cache.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.GeoReplicationKey is not null && cache.PersistenceMode is { Value: not PersistenceMode.None } mode)
        {
            context.Report(cache.Document, mode.Node,
                $"Cache '{cache.DisplayName}' is geo-replicated, and persistence " +
                    $"({mode.Value.ToString().ToLowerInvariant()}) is not supported on geo-replicated caches.");
        }
    }
}
