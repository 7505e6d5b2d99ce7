using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// The two required keys whose value is fixed by the format: apiVersion and kind. The finding stands on the spec's
/// first key, one per missing key, so the key it is about is the one its message names. Other missing keys have no
/// obvious value.
/// </summary>
internal sealed class MissingRequiredFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document || FormatLocator.At(document, context.Span) is not { IsKey: true } site
            || site.OwnerType != SpecFormat.Root || !ReferenceEquals(site.Owner.Entries[0], site.Entry))
        {
            yield break;
        }
        foreach (var (key, value) in new[] { ("apiVersion", SpecFormat.ApiVersion), ("kind", SpecFormat.Kind) })
        {
            if (site.Owner.Find(key) is not null
                || !context.Diagnostic.Message.Contains($"'{key}'", StringComparison.Ordinal))
            {
                continue;
            }
            var after = key == "kind" ? site.Owner.Find("apiVersion") : null;
            if (YamlEdits.InsertEntry(context.File, site.Owner, new[] { $"{key}: {YamlText.String(value)}" },
                after) is { } edit)
            {
                yield return new CodeFix($"Add {key}: {value}", new[] { edit }, IsPreferred: true);
            }
        }
    }
}
