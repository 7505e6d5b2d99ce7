using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>A cache with private endpoints is meant to be private: set publicNetworkAccess to Disabled.</summary>
internal sealed class PublicAccessWithPrivateEndpointFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { HasPrivateEndpoints: true } cache
            && PublicAccess.Set(cache, "Disabled", preferred: true) is { } fix)
        {
            yield return fix;
        }
    }
}
