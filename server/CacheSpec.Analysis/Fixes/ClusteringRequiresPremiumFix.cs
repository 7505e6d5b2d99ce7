using CacheSpec.Analysis.Fixes.Common;

namespace CacheSpec.Analysis.Fixes;

/// <summary>Clustering needs Premium: move the cache to Premium.</summary>
internal sealed class ClusteringRequiresPremiumFix : FixProvider
{
    public override string RuleId => "clustering-requires-premium";

    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
