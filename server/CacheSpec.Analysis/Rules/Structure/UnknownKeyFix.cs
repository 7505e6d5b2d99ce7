using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// A misspelled key, or one named as ARM, Bicep or Terraform name it: rename it to the known key the format validator
/// suggests, recomputed the same way (the object's own name for a foreign key, else the closest key of its type that
/// the mapping lacks).
/// </summary>
internal sealed class UnknownKeyFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document
            || FormatLocator.At(document, context.Span) is not { IsKey: true, Field: null } site
            || site.Entry.KeyText is not { } key)
        {
            yield break;
        }
        var absent = site.OwnerType.Fields.Select(field => field.Name).Where(name => site.Owner.Find(name) is null)
            .ToArray();
        var suggestion = ForeignKeys.For(site.OwnerType, key) is null
            ? Suggestions.Closest(key, absent)
            : ForeignKeys.Rename(site.OwnerType, key) is { } target && absent.Contains(target) ? target : null;
        if (suggestion is not null
            && YamlEdits.ReplaceScalar(context.File, site.Node,
                YamlText.StringLike(context.File.Text, site.Node, suggestion)) is { } edit)
        {
            yield return new CodeFix($"Change '{key}' to '{suggestion}'", new[] { edit }, IsPreferred: true);
        }
    }
}
