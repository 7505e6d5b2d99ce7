using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Finds the key or scalar value at an offset by walking the tree and the format together (keys the format does not
/// know are not entered).
/// </summary>
public static class SyntaxLocator
{
    public static SyntaxHit? Find(SpecFile file, int offset)
    {
        foreach (var document in file.Documents)
        {
            if (document.Root is { } root && root.Span.ContainsOrTouches(offset))
            {
                return Find(document, root, SpecFormat.Root, offset);
            }
        }
        return null;
    }

    private static SyntaxHit? Find(SpecDocument document, MappingSyntax mapping, ObjectType type, int offset)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key || type.Find(key) is not { } field)
            {
                continue;
            }
            if (entry.Key.Span.ContainsOrTouches(offset))
            {
                return new SyntaxHit(document, type, field, entry.Key, true);
            }
            if (entry.Value is AliasSyntax || !entry.Value.Span.ContainsOrTouches(offset))
            {
                continue;
            }
            var found = Within(document, entry.Value, field, type, offset);
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    private static SyntaxHit? Within(SpecDocument document, SyntaxNode value, FieldDefinition field, ObjectType owner,
        int offset)
    {
        switch (value, field.Type)
        {
            case (ScalarSyntax, ScalarType):
                return new SyntaxHit(document, owner, field, value, false);
            case (MappingSyntax mapping, ObjectType objectType):
                return Find(document, mapping, objectType, offset);
            case (SequenceSyntax sequence, ListType list):
                foreach (var item in sequence.Items)
                {
                    if (item is AliasSyntax || !item.Span.ContainsOrTouches(offset))
                    {
                        continue;
                    }
                    if (item is ScalarSyntax && list.Item is ScalarType)
                    {
                        return new SyntaxHit(document, owner, field, item, false);
                    }
                    if (item is MappingSyntax itemMapping && list.Item is ObjectType itemType)
                    {
                        return Find(document, itemMapping, itemType, offset);
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
