using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Settings;

/// <summary>Persistence needs Premium: move the cache to Premium.</summary>
internal sealed class PersistenceRequiresPremiumFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
