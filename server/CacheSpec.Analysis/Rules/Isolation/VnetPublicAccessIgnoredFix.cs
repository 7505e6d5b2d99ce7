using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Rules.Common;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>publicNetworkAccess has no effect on a VNet-injected cache: remove the line.</summary>
internal sealed class VnetPublicAccessIgnoredFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is { } cache && YamlEdits.ChildMapping(cache.Syntax, "isolation") is { } isolation
            && isolation.Find("publicNetworkAccess") is { } entry
                && (context.IsOn(entry.Key) || context.IsOn(entry.Value))
            && PublicAccess.Remove(cache) is { } removal)
        {
            yield return removal;
        }
    }
}
