using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// State publicNetworkAccess. With private endpoints the value is obvious (Disabled); without them both values are
/// offered and neither is preferred: Enabled keeps the cache public, Disabled leaves it unreachable until it gets a
/// private endpoint.
/// </summary>
internal sealed class PublicAccessUnsetFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { } cache || !context.IsOn(cache.IsolationKey))
        {
            yield break;
        }
        var values = cache.HasPrivateEndpoints ? new[] { "Disabled" } : new[] { "Enabled", "Disabled" };
        foreach (var value in values)
        {
            if (PublicAccess.Set(cache, value, preferred: cache.HasPrivateEndpoints) is { } fix)
            {
                yield return fix;
            }
        }
    }
}
