using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Geo-replication needs Premium: move the cache to Premium (its linked cache has its own finding).</summary>
internal sealed class GeoReplicationRequiresPremiumFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
