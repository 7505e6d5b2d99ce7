using CacheSpec.Analysis.Fixes.Common;

namespace CacheSpec.Analysis.Fixes;

/// <summary>Geo-replication needs Premium: move the cache to Premium (its linked cache has its own finding).</summary>
internal sealed class GeoReplicationRequiresPremiumFix : FixProvider
{
    public override string RuleId => "geo-replication-requires-premium";

    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
