using CacheSpec.Analysis.Fixes.Editing;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Fixes;

/// <summary>
/// A misspelled key: rename it to the known key the format validator suggests, recomputed the same way
/// (the closest key of the object's type that the mapping does not already have).
/// </summary>
internal sealed class UnknownKeyFix : FixProvider
{
    public override string RuleId => "unknown-key";

    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document || FormatLocator.At(document, context.Span) is not { IsKey: true, Field: null } site
            || site.Entry.KeyText is not { } key)
        {
            yield break;
        }
        var suggestion = Suggestions.Closest(key, site.OwnerType.Fields.Select(field => field.Name).Where(name => site.Owner.Find(name) is null));
        if (suggestion is not null
            && YamlEdits.ReplaceScalar(context.File, site.Node, YamlText.StringLike(context.File.Text, site.Node, suggestion)) is { } edit)
        {
            yield return new CodeFix($"Change '{key}' to '{suggestion}'", new[] { edit }, IsPreferred: true);
        }
    }
}
