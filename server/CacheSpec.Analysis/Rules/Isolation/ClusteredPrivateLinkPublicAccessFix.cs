using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// A clustered cache reaches its private endpoint only with public access Disabled (2020-10): set it.
/// </summary>
internal sealed class ClusteredPrivateLinkPublicAccessFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (PublicAccess.DisableBesidePrivateEndpoints(context) is { } fix)
        {
            yield return fix;
        }
    }
}
