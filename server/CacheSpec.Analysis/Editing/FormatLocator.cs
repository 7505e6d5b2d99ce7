using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// Finds the key or scalar whose span is exactly the given one, walking the document as the format validator does:
/// into keys the format knows, never through aliases, so what it finds is what the validator looked at.
/// </summary>
internal static class FormatLocator
{
    public static FormatSite? At(SpecDocument document, TextSpan span) =>
        document.Root is { } root && Contains(root, span) ? Visit(root, SpecFormat.Root, span) : null;

    private static FormatSite? Visit(MappingSyntax mapping, ObjectType type, TextSpan span)
    {
        foreach (var entry in mapping.Entries)
        {
            var field = entry.KeyText is { } key ? type.Find(key) : null;
            if (entry.Key.Span == span)
            {
                return new FormatSite(mapping, type, entry, field, entry.Key, null);
            }
            if (field is null || entry.Value is AliasSyntax || !Contains(entry.Value, span))
            {
                continue;
            }
            switch (entry.Value, field.Type)
            {
                case (ScalarSyntax scalar, ScalarType) when scalar.Span == span:
                    return new FormatSite(mapping, type, entry, field, scalar, field.Type);
                case (MappingSyntax child, ObjectType childType):
                    return Visit(child, childType, span);
                case (SequenceSyntax sequence, ListType list):
                    foreach (var item in sequence.Items)
                    {
                        if (item is AliasSyntax || !Contains(item, span))
                        {
                            continue;
                        }
                        if (item is ScalarSyntax && item.Span == span)
                        {
                            return new FormatSite(mapping, type, entry, field, item, list.Item);
                        }
                        if (item is MappingSyntax itemMapping && list.Item is ObjectType itemType)
                        {
                            return Visit(itemMapping, itemType, span);
                        }
                    }
                    return null;
            }
        }
        return null;
    }

    private static bool Contains(SyntaxNode node, TextSpan span) =>
        node.Span.Start <= span.Start && span.End <= node.Span.End;
}
