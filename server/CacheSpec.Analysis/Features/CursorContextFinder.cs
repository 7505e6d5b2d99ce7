using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Reads the cursor's context from indentation alone, walking up from the cursor's line to find the keys that own it
/// and across its mapping to find the keys already present. Block YAML only; it never throws.
/// </summary>
public static class CursorContextFinder
{
    public static CursorContext Find(SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var position = text.GetPosition(offset);
        var lineText = text.GetLineText(position.Line);
        var lineStart = text.GetLineStart(position.Line);
        var before = lineText[..Math.Min(position.Character, lineText.Length)];
        var shape = LineShape.Of(before);

        var isValue = shape.Key is not null;
        string? key = null;
        string prefix;
        TextSpan replace;
        if (isValue)
        {
            key = shape.Key;
            var valueStart = shape.ValueColumn;
            var value = before[Math.Min(valueStart, before.Length)..];
            var inner = InnerStart(value);
            valueStart += inner;
            prefix = before[Math.Min(valueStart, before.Length)..];
            replace = TextSpan.FromBounds(lineStart + valueStart,
                lineStart + TokenEnd(lineText, position.Character, inner > 0));
        }
        else
        {
            prefix = before[Math.Min(shape.ContentColumn, before.Length)..].TrimStart('"', '\'');
            var start = lineStart + Math.Min(shape.ContentColumn, before.Length);
            replace = TextSpan.FromBounds(start, lineStart + KeyEnd(lineText, position.Character));
        }

        var column = shape.Markers.Count > 0 || shape.Key is not null || prefix.Length > 0 ? shape.ContentColumn
            : position.Character;
        var path = new List<string>();
        var siblings = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int? sequenceColumn = shape.Markers.Count > 0 ? shape.Markers[^1] : null;
        CollectBelow(text, position.Line, column, siblings, values);
        if (sequenceColumn is not null && LineShape.Of(lineText) is { Key: { } ownKey } && !isValue)
        {
            // "- na|me: x": the key being typed over is not a sibling of itself.
            siblings.Remove(ownKey);
        }
        WalkUp(text, position.Line, column, sequenceColumn, path, siblings, values);
        if (shape.Markers.Count > 0 && !isValue && CursorContext.Resolve(path) is Format.ScalarType
            or Format.UnionType)
        {
            // "- |" in a list of scalars: a value of the list is being typed (or, where an item may be short or
            // long, either form: see CompletionService).
            return new CursorContext(path, true, null, prefix, replace, column, siblings, values);
        }
        return new CursorContext(path, isValue, key, prefix, replace, column, siblings, values);
    }

    private static void WalkUp(SourceText text, int cursorLine, int column, int? sequenceColumn, List<string> path,
        HashSet<string> siblings, Dictionary<string, string> values)
    {
        var owners = new List<string>();
        var target = column;
        var collecting = sequenceColumn is null;
        for (var line = cursorLine - 1; line >= 0; line--)
        {
            var shape = LineShape.Of(text.GetLineText(line));
            if (shape.IsDocumentMarker)
            {
                break;
            }
            if (shape.IsBlank || (shape.Key is null && shape.Markers.Count == 0))
            {
                continue;
            }
            if (sequenceColumn is { } markerColumn)
            {
                // Looking for the key that owns the list whose items start at markerColumn; other items are skipped.
                if (shape.ContentColumn > markerColumn || shape.Markers.Contains(markerColumn))
                {
                    continue;
                }
                if (shape.Key is null)
                {
                    break;
                }
                owners.Add("[]");
                owners.Add(shape.Key);
                target = shape.ContentColumn;
                sequenceColumn = ItemMarker(shape);
                collecting = false;
                continue;
            }
            if (shape.ContentColumn == target && shape.Key is not null)
            {
                if (collecting)
                {
                    Record(shape, text.GetLineText(line), siblings, values);
                }
                if (ItemMarker(shape) is { } marker)
                {
                    // The first key of a list item: the mapping starts here, its list's owner is further up.
                    sequenceColumn = marker;
                    collecting = false;
                }
                continue;
            }
            if (shape.ContentColumn < target && shape.Key is not null)
            {
                owners.Add(shape.Key);
                target = shape.ContentColumn;
                collecting = false;
                sequenceColumn = ItemMarker(shape);
            }
        }
        owners.Reverse();
        path.AddRange(owners);
    }

    /// <summary>
    /// The column of the marker that starts this line's mapping, when the line's key is the first key of a list item.
    /// </summary>
    private static int? ItemMarker(LineShape shape) => shape.Markers.Count > 0 ? shape.Markers[^1] : null;

    private static void CollectBelow(SourceText text, int cursorLine, int column, HashSet<string> siblings,
        Dictionary<string, string> values)
    {
        for (var line = cursorLine + 1; line < text.LineCount; line++)
        {
            var shape = LineShape.Of(text.GetLineText(line));
            if (shape.IsDocumentMarker)
            {
                break;
            }
            if (shape.IsBlank || (shape.Key is null && shape.Markers.Count == 0))
            {
                continue;
            }
            if (shape.ContentColumn < column || (shape.Markers.Count > 0 && shape.Markers[^1] < column))
            {
                break;
            }
            if (shape.ContentColumn == column && shape.Key is not null)
            {
                Record(shape, text.GetLineText(line), siblings, values);
            }
        }
    }

    private static void Record(LineShape shape, string lineText, HashSet<string> siblings,
        Dictionary<string, string> values)
    {
        siblings.Add(shape.Key!);
        if (shape.HasValue)
        {
            var value = lineText[shape.ValueColumn..];
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            values.TryAdd(shape.Key!, (comment >= 0 ? value[..comment] : value).Trim().Trim('"', '\''));
        }
    }

    /// <summary>
    /// Inside a flow list or a quoted value, the text being typed starts after the last "[", "," or quote.
    /// </summary>
    private static int InnerStart(string value)
    {
        if (value.StartsWith('['))
        {
            var last = Math.Max(value.LastIndexOf('['), value.LastIndexOf(','));
            var start = last + 1;
            while (start < value.Length && value[start] == ' ')
            {
                start++;
            }
            if (start < value.Length && value[start] is '"' or '\'')
            {
                start++;
            }
            return start;
        }
        return value.StartsWith('"') || value.StartsWith('\'') ? 1 : 0;
    }

    private static int TokenEnd(string line, int character, bool insideFlowOrQuote)
    {
        var end = Math.Min(character, line.Length);
        while (end < line.Length
            && !(insideFlowOrQuote ? line[end] is ',' or ']' or '"' or '\'' or ' ' : line[end] is ' ' or '#'))
        {
            end++;
        }
        return end;
    }

    private static int KeyEnd(string line, int character)
    {
        var end = Math.Min(character, line.Length);
        while (end < line.Length && line[end] is not (':' or ' '))
        {
            end++;
        }
        return end;
    }
}
