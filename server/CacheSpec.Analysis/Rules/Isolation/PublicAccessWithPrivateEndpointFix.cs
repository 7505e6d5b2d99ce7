using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>A cache with private endpoints is meant to be private: set publicNetworkAccess to Disabled.</summary>
internal sealed class PublicAccessWithPrivateEndpointFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (PublicAccess.DisableBesidePrivateEndpoints(context) is { } fix)
        {
            yield return fix;
        }
    }
}
