using CacheSpec.Analysis.Fixes.Common;

namespace CacheSpec.Analysis.Fixes;

/// <summary>VNet injection needs Premium: move the cache to Premium.</summary>
internal sealed class VnetInjectionRequiresPremiumFix : FixProvider
{
    public override string RuleId => "vnet-injection-requires-premium";

    public override IEnumerable<CodeFix> Provide(FixContext context) => PremiumTier.For(context);
}
