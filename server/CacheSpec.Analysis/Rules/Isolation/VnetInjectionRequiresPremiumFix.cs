using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>VNet injection needs Premium: move the cache to Premium.</summary>
internal sealed class VnetInjectionRequiresPremiumFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
