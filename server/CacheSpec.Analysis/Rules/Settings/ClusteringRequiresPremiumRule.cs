using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Settings;

public sealed class ClusteringRequiresPremiumRule : CacheRule
{
    public override string Id => "clustering-requires-premium";
    public override RuleCategory Category => RuleCategory.Settings;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "shardCount is set on a Basic or Standard cache.";
    public override FixProvider Fix { get; } = new ClusteringRequiresPremiumFix();

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.ShardCount is { } shards && cache.Tier is { Value: CacheTier.Basic or CacheTier.Standard } tier)
        {
            context.Report(cache.Document, shards.KeyOrNode,
                $"Cache '{cache.DisplayName}' is {tier.Value}; clustering (shardCount {shards.Value}) needs the " +
                "Premium tier.");
        }
    }
}
