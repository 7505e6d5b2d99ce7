using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>A cache with private endpoints is meant to be private: set publicNetworkAccess to Disabled, or, on an
/// Enterprise cache, which has no such flag, remove it.</summary>
internal sealed class PublicAccessWithPrivateEndpointFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { IsEnterpriseTier: true } cache)
        {
            if (PublicAccess.Remove(cache) is { } removal)
            {
                yield return removal;
            }
        }
        else if (PublicAccess.DisableBesidePrivateEndpoints(context) is { } fix)
        {
            yield return fix;
        }
    }
}
