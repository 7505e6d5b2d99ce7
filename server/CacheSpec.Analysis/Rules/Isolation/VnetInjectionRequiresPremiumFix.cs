using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// VNet injection needs Premium: move the cache to Premium. Not an Azure Managed Redis cache, which Premium would move
/// back to the retiring service: its way out is a private endpoint, which needs a subnet only the author can choose.
/// </summary>
internal sealed class VnetInjectionRequiresPremiumFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context) =>
        context.Cache is { IsManagedRedis: true } ? [] : PremiumTier.For(context);
}
