using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Rules.Common;

/// <summary>
/// Moves the diagnostic's cache to the Premium tier, and a size of another family to the Premium size closest in memory
/// (C1 becomes P1, C4 becomes P2; P1 when the size is unknown), so the change does not trade one error for
/// invalid-size-for-tier.
/// </summary>
internal static class PremiumTier
{
    public static IEnumerable<CodeFix> For(FixContext context)
    {
        if (context.Cache is not { Tier: { } tier } cache)
        {
            yield break;
        }
        var file = cache.Document.File;
        if (YamlEdits.ReplaceScalar(file, tier.Node,
            YamlText.StringLike(file.Text, tier.Node, "Premium")) is not { } tierEdit)
        {
            yield break;
        }
        var edits = new List<FixEdit> { tierEdit };
        var title = "Change the tier to Premium";
        if (cache.Size is { } size && !SpecFormat.PremiumSizes.Contains(size.Value))
        {
            var premium = CacheSizes.PremiumFor(size.Value);
            if (YamlEdits.ReplaceScalar(file, size.Node,
                YamlText.StringLike(file.Text, size.Node, premium)) is not { } sizeEdit)
            {
                yield break;
            }
            edits.Add(sizeEdit);
            title += $" and the size to {premium}";
        }
        yield return new CodeFix(title, edits, IsPreferred: true);
    }
}
