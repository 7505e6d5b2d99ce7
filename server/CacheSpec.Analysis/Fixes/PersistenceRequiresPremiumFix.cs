using CacheSpec.Analysis.Fixes.Common;

namespace CacheSpec.Analysis.Fixes;

/// <summary>Persistence needs Premium: move the cache to Premium.</summary>
internal sealed class PersistenceRequiresPremiumFix : FixProvider
{
    public override string RuleId => "persistence-requires-premium";

    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
