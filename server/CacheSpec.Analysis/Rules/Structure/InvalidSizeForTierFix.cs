using CacheSpec.Analysis.Editing;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>Change the size to the size of the cache's tier closest in memory (P1 on Standard becomes C3).</summary>
internal sealed class InvalidSizeForTierFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Cache is not { Tier: { } tier, Size: { } size } cache || !context.IsOn(size.Node)
            || CacheSizes.Closest(size.Value, InvalidSizeForTierRule.SizesFor(tier.Value)) is not { } closest)
        {
            yield break;
        }
        var file = cache.Document.File;
        if (YamlEdits.ReplaceScalar(file, size.Node, YamlText.StringLike(file.Text, size.Node, closest)) is { } edit)
        {
            yield return new CodeFix($"Change the size to {closest}", new[] { edit }, IsPreferred: true);
        }
    }
}
