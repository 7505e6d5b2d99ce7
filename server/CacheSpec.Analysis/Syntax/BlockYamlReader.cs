using System.Buffers;
using System.Numerics;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// A fast reader for the YAML specs are written in: block mappings and lists indented with spaces, one-line plain and
/// quoted scalars, one-line flow lists and mappings of scalars, comments. It builds exactly the tree
/// <see cref="YamlTreeBuilder"/> builds from YamlDotNet's events (same nodes, values, styles and spans) and gives up,
/// returning null, at anything else: anchors, aliases, tags, block and multi-line scalars, nested flow collections,
/// escapes, document markers and directives, tabs, duplicate keys, characters outside the Basic Multilingual Plane and
/// those YAML forbids, deep nesting. Giving up costs at most one pass over the text; YamlDotNet then reads it and
/// reports what it finds. YamlDotNet's scanner is general and allocates a token, an event and two marks per scalar,
/// which made it most of the time of opening a large spec.
/// </summary>
internal sealed class BlockYamlReader
{
    /// <summary>YAML limits an implicit key to 1,024 characters; longer ones are left to YamlDotNet's error.</summary>
    private const int MaxImplicitKeyLength = 1024;

    /// <summary>
    /// Far below <see cref="AnalysisLimits.MaxNestingDepth"/>: deeper texts go to YamlDotNet, which reports the limit.
    /// </summary>
    private const int MaxDepth = 32;

    /// <summary>Above this many entries a mapping checks for duplicate keys with a set instead of a scan.</summary>
    private const int LinearKeyCheckLimit = 16;

    /// <summary>
    /// The most slots of the pool of short texts: a text gets one for every four characters, from 64 (an item parsed
    /// again after an edit) up to this, which a text of 4 KB reaches; a smaller one would share fewer strings.
    /// </summary>
    private const int MaxPoolSize = 1024;
    private const int MinPoolSize = 64;
    private const int PooledLength = 40;

    /// <summary>
    /// Characters this reader leaves to YamlDotNet: tabs, other controls and the ones YAML forbids or reads as line
    /// breaks.
    /// </summary>
    private static readonly SearchValues<char> Unsupported = SearchValues.Create(UnsupportedCharacters());

    private readonly string text;
    private readonly int end;
    private readonly int enclosingDepth;

    /// <summary>
    /// Keys and values repeat across a spec ("name", "tier", "Premium"): each distinct short text is allocated once.
    /// </summary>
    private readonly string?[] pool;

    /// <summary>
    /// The first character of the current content line (not blank, not only a comment); -1 once the text is done.
    /// </summary>
    private int content;

    /// <summary>The indentation of the current content line.</summary>
    private int indent;

    private int lineStart;

    /// <summary>Set at a document marker or directive: more than one document is left to YamlDotNet.</summary>
    private bool atMarker;

    private BlockYamlReader(string text, int start, int end, int enclosingDepth)
    {
        this.text = text;
        this.end = end;
        this.enclosingDepth = enclosingDepth;
        pool = new string?[Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)(end - start) / 4), MinPoolSize,
            MaxPoolSize)];
    }

    /// <summary>
    /// The one document of the text between two offsets (spans are offsets in the whole text), or null to leave it to
    /// YamlDotNet.
    /// </summary>
    public static DocumentSyntax? TryRead(string text, int start, int end, int enclosingDepth)
    {
        if (!IsSupportedText(text.AsSpan(start, end - start)))
        {
            return null;
        }
        var reader = new BlockYamlReader(text, start, end, enclosingDepth);
        if (!reader.MoveToContent(start))
        {
            return null;
        }
        var documentStart = reader.content;
        var root = reader.ReadNode(reader.indent, depth: 0);
        return root is null || reader.content >= 0 || reader.atMarker ? null
            : new DocumentSyntax(0, root, TextSpan.FromBounds(documentStart, end));
    }

    private static bool IsSupportedText(ReadOnlySpan<char> span)
    {
        if (span.IndexOfAny(Unsupported) >= 0)
        {
            return false;
        }
        // A carriage return alone is a line break YamlDotNet counts differently; only CRLF and LF are read here.
        for (var at = span.IndexOf('\r'); at >= 0; at = span[(at + 1)..].IndexOf('\r') is var next and >= 0
            ? at + 1 + next : -1)
        {
            if (at + 1 >= span.Length || span[at + 1] != '\n')
            {
                return false;
            }
        }
        return true;
    }

    private static string UnsupportedCharacters()
    {
        var characters = new List<char> { '\t', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF' };
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                characters.Add(c);
            }
        }
        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            characters.Add(c);
        }
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            characters.Add(c);
        }
        return new string(characters.ToArray());
    }

    /// <summary>Reads the block node that starts at the current position, at the given column.</summary>
    private SyntaxNode? ReadNode(int column, int depth)
    {
        if (depth + enclosingDepth > MaxDepth)
        {
            return null;
        }
        return IsDashEntry(content) ? ReadSequence(column, depth) : ReadMapping(column, depth);
    }

    private SequenceSyntax? ReadSequence(int column, int depth)
    {
        var sequence = new SequenceSyntax(new TextSpan(content, 0), isFlow: false);
        while (true)
        {
            var dash = content;
            var at = SkipSpaces(dash + 1);
            SyntaxNode? item;
            if (IsLineEnd(at) || (text[at] == '#' && at > dash + 1))
            {
                item = NextLine(at) && content >= 0 && indent > column
                    ? ReadNode(indent, depth + 1)
                    : new ScalarSyntax(string.Empty, true, new TextSpan(dash + 1, 0));
            }
            else if (IsDashEntry(at))
            {
                return null;
            }
            else
            {
                content = at;
                item = StartsWithKey(at) ? ReadMapping(at - lineStart, depth + 1) : ReadLineValue(at, column);
            }
            if (item is null)
            {
                return null;
            }
            sequence.Add(item);
            if (content < 0 || indent < column)
            {
                break;
            }
            if (indent > column)
            {
                return null;
            }
            if (!IsDashEntry(content))
            {
                // At the same column, a key of the mapping this list is the value of (an indentless list).
                break;
            }
        }
        sequence.Span = TextSpan.FromBounds(sequence.Span.Start, sequence.Items[^1].Span.End);
        return sequence;
    }

    private MappingSyntax? ReadMapping(int column, int depth)
    {
        if (depth + enclosingDepth > MaxDepth)
        {
            return null;
        }
        var mapping = new MappingSyntax(new TextSpan(content, 0), isFlow: false);
        HashSet<string>? keys = null;
        while (true)
        {
            if (ReadKey(content, out var afterColon) is not { } key || IsDuplicate(mapping, key.Value, ref keys))
            {
                return null;
            }
            var colon = afterColon - 1;
            var at = SkipSpaces(afterColon);
            SyntaxNode? value;
            if (IsLineEnd(at) || (text[at] == '#' && at > afterColon))
            {
                if (!NextLine(at))
                {
                    return null;
                }
                value = content >= 0 && indent > column ? ReadNode(indent, depth + 1)
                    : content >= 0 && indent == column && IsDashEntry(content) ? ReadSequence(column, depth + 1)
                    : new ScalarSyntax(string.Empty, true, new TextSpan(colon + 1, 0));
            }
            else
            {
                value = ReadLineValue(at, column);
            }
            if (value is null)
            {
                return null;
            }
            mapping.Add(new EntrySyntax(key, value));
            if (content < 0 || indent < column)
            {
                break;
            }
            if (indent > column || IsDashEntry(content))
            {
                return null;
            }
        }
        var last = mapping.Entries[^1];
        mapping.Span = TextSpan.FromBounds(mapping.Span.Start, Math.Max(last.Key.Span.End, last.Value.Span.End));
        return mapping;
    }

    private static bool IsDuplicate(MappingSyntax mapping, string key, ref HashSet<string>? keys)
    {
        var entries = mapping.Entries;
        if (keys is null && entries.Count < LinearKeyCheckLimit)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].KeyText == key)
                {
                    return true;
                }
            }
            return false;
        }
        if (keys is null)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                keys.Add(entries[i].KeyText!);
            }
        }
        return !keys.Add(key);
    }

    /// <summary>
    /// A scalar or flow list that ends its line, then the next content line. A next line indented deeper than the
    /// enclosing collection would continue a multi-line scalar, which is left to YamlDotNet.
    /// </summary>
    private SyntaxNode? ReadLineValue(int at, int column)
    {
        SyntaxNode? value;
        int after;
        if (text[at] is '[' or '{')
        {
            value = ReadFlowCollection(at, out after);
        }
        else
        {
            value = text[at] is '"' or '\'' ? ReadQuoted(at) : ReadPlain(at, flow: false);
            after = value?.Span.End ?? at;
        }
        if (value is null || !NextLine(after))
        {
            return null;
        }
        return content >= 0 && indent > column ? null : value;
    }

    private ScalarSyntax? ReadKey(int at, out int afterColon)
    {
        afterColon = -1;
        ScalarSyntax? key;
        int keyEnd;
        if (text[at] is '"' or '\'')
        {
            key = ReadQuoted(at);
            keyEnd = key?.Span.End ?? -1;
        }
        else
        {
            if (!CanStartPlain(at, flow: false))
            {
                return null;
            }
            var scan = at;
            while (true)
            {
                if (IsLineEnd(scan) || (text[scan] == '#' && text[scan - 1] == ' '))
                {
                    return null;
                }
                if (text[scan] == ':' && IsSpaceOrLineEnd(scan + 1))
                {
                    break;
                }
                scan++;
            }
            keyEnd = TrimEnd(at, scan);
            key = new ScalarSyntax(Slice(at, keyEnd), true, TextSpan.FromBounds(at, keyEnd));
        }
        if (key is null || keyEnd - at > MaxImplicitKeyLength)
        {
            return null;
        }
        var colon = SkipSpaces(keyEnd);
        if (colon >= end || text[colon] != ':' || !IsSpaceOrLineEnd(colon + 1) || (colon > keyEnd && !key.IsPlain))
        {
            return null;
        }
        afterColon = colon + 1;
        return key;
    }

    /// <summary>True when the text at an offset is a key followed by ':' (so the line starts a mapping).</summary>
    private bool StartsWithKey(int at)
    {
        if (text[at] is '[' or '{')
        {
            return false;
        }
        if (text[at] is '"' or '\'')
        {
            var close = text.AsSpan(at + 1, LineEnd(at) - at - 1).IndexOf(text[at]);
            return close >= 0 && SkipSpaces(at + 2 + close) is var colon && colon < end && text[colon] == ':';
        }
        for (var scan = at; !IsLineEnd(scan); scan++)
        {
            if (text[scan] == '#' && scan > at && text[scan - 1] == ' ')
            {
                return false;
            }
            if (text[scan] == ':' && IsSpaceOrLineEnd(scan + 1))
            {
                return true;
            }
        }
        return false;
    }

    private ScalarSyntax? ReadPlain(int at, bool flow)
    {
        if (!CanStartPlain(at, flow))
        {
            return null;
        }
        var scan = at;
        while (!IsLineEnd(scan))
        {
            var c = text[scan];
            if (c == ':' && (IsSpaceOrLineEnd(scan + 1) || flow))
            {
                // A second "key:" on the line, or a colon inside a flow list: YamlDotNet decides.
                return null;
            }
            if ((c == '#' && text[scan - 1] == ' ') || (flow && c is ',' or ']' or '}'))
            {
                break;
            }
            if (flow && c is '[' or '{')
            {
                return null;
            }
            scan++;
        }
        var valueEnd = TrimEnd(at, scan);
        return new ScalarSyntax(Slice(at, valueEnd), true, TextSpan.FromBounds(at, valueEnd));
    }

    /// <summary>A one-line quoted scalar without escapes ('' in single quotes is read).</summary>
    private ScalarSyntax? ReadQuoted(int at)
    {
        var quote = text[at];
        var lineEnd = LineEnd(at);
        var scan = at + 1;
        var escapedQuotes = 0;
        while (true)
        {
            // In double quotes a backslash starts an escape, left to YamlDotNet; in single quotes it is an ordinary
            // character.
            var rest = text.AsSpan(scan, lineEnd - scan);
            var close = quote == '"' ? rest.IndexOfAny('"', '\\') : rest.IndexOf('\'');
            if (close < 0 || text[scan + close] == '\\')
            {
                return null;
            }
            scan += close;
            if (quote == '\'' && scan + 1 < lineEnd && text[scan + 1] == '\'')
            {
                escapedQuotes++;
                scan += 2;
                continue;
            }
            break;
        }
        var value = escapedQuotes == 0 ? Slice(at + 1, scan)
            : text[(at + 1)..scan].Replace("''", "'", StringComparison.Ordinal);
        return new ScalarSyntax(value, false, TextSpan.FromBounds(at, scan + 1));
    }

    /// <summary>
    /// A one-line flow list or mapping of scalars; its span, as the tree builder sets it, stops before the closing
    /// bracket. Empty values, trailing commas and nested collections are left to YamlDotNet.
    /// </summary>
    private SyntaxNode? ReadFlowCollection(int at, out int after)
    {
        after = at;
        var isMapping = text[at] == '{';
        var close = isMapping ? '}' : ']';
        var nodes = new List<SyntaxNode>();
        var scan = SkipSpaces(at + 1);
        while (true)
        {
            if (IsLineEnd(scan))
            {
                return null;
            }
            if (text[scan] == close && nodes.Count == 0)
            {
                break;
            }
            if (isMapping)
            {
                if (ReadFlowKey(scan, out var valueStart) is not { } key || IsLineEnd(valueStart)
                    || text[valueStart] is ',' or '}')
                {
                    return null;
                }
                nodes.Add(key);
                scan = valueStart;
            }
            if (IsLineEnd(scan)
                || (text[scan] is '"' or '\'' ? ReadQuoted(scan) : ReadPlain(scan, flow: true)) is not { } item)
            {
                return null;
            }
            nodes.Add(item);
            scan = SkipSpaces(item.Span.End);
            if (scan < end && text[scan] == close)
            {
                break;
            }
            scan = scan < end && text[scan] == ',' ? SkipSpaces(scan + 1) : -1;
            if (scan < 0 || IsLineEnd(scan) || text[scan] == close)
            {
                return null;
            }
        }
        var span = TextSpan.FromBounds(at, YamlTreeBuilder.TrimWhiteSpace(text, at, scan));
        after = scan + 1;
        return isMapping ? FlowMapping(span, nodes) : FlowSequence(span, nodes);
    }

    private static SequenceSyntax FlowSequence(TextSpan span, List<SyntaxNode> items)
    {
        var sequence = new SequenceSyntax(span, isFlow: true);
        foreach (var item in items)
        {
            sequence.Add(item);
        }
        return sequence;
    }

    private static MappingSyntax? FlowMapping(TextSpan span, List<SyntaxNode> keysAndValues)
    {
        var mapping = new MappingSyntax(span, isFlow: true);
        HashSet<string>? keys = null;
        for (var i = 0; i < keysAndValues.Count; i += 2)
        {
            var key = (ScalarSyntax)keysAndValues[i];
            if (IsDuplicate(mapping, key.Value, ref keys))
            {
                return null;
            }
            mapping.Add(new EntrySyntax(key, keysAndValues[i + 1]));
        }
        return mapping;
    }

    /// <summary>A key of a flow mapping and the start of its value: the key must be followed by ': '.</summary>
    private ScalarSyntax? ReadFlowKey(int at, out int valueStart)
    {
        valueStart = at;
        ScalarSyntax? key;
        int colon;
        if (text[at] is '"' or '\'')
        {
            key = ReadQuoted(at);
            colon = key?.Span.End ?? at;
        }
        else
        {
            if (!CanStartPlain(at, flow: true))
            {
                return null;
            }
            colon = at;
            while (!IsLineEnd(colon) && text[colon] is not (':' or ',' or '[' or ']' or '{' or '}')
                && !(text[colon] == '#' && text[colon - 1] == ' '))
            {
                colon++;
            }
            var keyEnd = TrimEnd(at, colon);
            key = keyEnd > at ? new ScalarSyntax(Slice(at, keyEnd), true, TextSpan.FromBounds(at, keyEnd)) : null;
        }
        if (key is null || colon + 1 >= end || text[colon] != ':' || text[colon + 1] != ' ')
        {
            return null;
        }
        valueStart = SkipSpaces(colon + 1);
        return key;
    }

    /// <summary>
    /// Whether a plain scalar may start here. YAML lets '-', ':' and '?' start one before a non-space; YamlDotNet reads
    /// ':x' as a key's indicator in some places, so only '-' is read here.
    /// </summary>
    private bool CanStartPlain(int at, bool flow)
    {
        var c = text[at];
        if (c == '-')
        {
            return at + 1 < end && !IsSpaceOrLineEnd(at + 1)
                && !(flow && text[at + 1] is ',' or '[' or ']' or '{' or '}');
        }
        return c is not (':' or '?' or '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\''
            or '"' or '%' or '@' or '`');
    }

    /// <summary>A '-' followed by a space or the line's end: a block list entry.</summary>
    private bool IsDashEntry(int at) => text[at] == '-' && IsSpaceOrLineEnd(at + 1);

    /// <summary>
    /// Ends the current line after a value (only spaces and a comment may follow) and moves to the next content line;
    /// false when the line has more on it.
    /// </summary>
    private bool NextLine(int at)
    {
        var afterValue = at;
        at = SkipSpaces(at);
        if (at < end && text[at] == '#' && (at > afterValue || text[at - 1] == ' '))
        {
            at = LineEnd(at);
        }
        if (!IsLineEnd(at))
        {
            return false;
        }
        return MoveToContent(AfterLineBreak(at)) || content < 0;
    }

    /// <summary>
    /// Moves to the first line from an offset (a line start) that has content; false (content -1) at the end.
    /// </summary>
    private bool MoveToContent(int at)
    {
        while (at < end)
        {
            var first = SkipSpaces(at);
            if (first < end && text[first] is not ('\r' or '\n' or '#'))
            {
                if (first == at && IsDocumentMarker(first))
                {
                    atMarker = true;
                    content = -1;
                    indent = -1;
                    return false;
                }
                lineStart = at;
                content = first;
                indent = first - at;
                return true;
            }
            at = first < end && text[first] == '#' ? LineEnd(first) : first;
            at = AfterLineBreak(at);
        }
        content = -1;
        indent = -1;
        return false;
    }

    private bool IsDocumentMarker(int at) =>
        text[at] == '%'
            || (at + 3 <= end
                && (string.CompareOrdinal(text, at, "---", 0, 3) == 0
                    || string.CompareOrdinal(text, at, "...", 0, 3) == 0)
            && IsSpaceOrLineEnd(at + 3));

    private int LineEnd(int at)
    {
        var found = text.AsSpan(at, end - at).IndexOfAny('\r', '\n');
        return found < 0 ? end : at + found;
    }

    private int AfterLineBreak(int at)
    {
        if (at < end && text[at] == '\r')
        {
            at++;
        }
        return at < end && text[at] == '\n' ? at + 1 : at;
    }

    private int SkipSpaces(int at)
    {
        while (at < end && text[at] == ' ')
        {
            at++;
        }
        return at;
    }

    private int TrimEnd(int start, int at)
    {
        while (at > start && text[at - 1] == ' ')
        {
            at--;
        }
        return at;
    }

    private bool IsLineEnd(int at) => at >= end || text[at] is '\r' or '\n';

    private bool IsSpaceOrLineEnd(int at) => IsLineEnd(at) || text[at] == ' ';

    private string Slice(int start, int stop)
    {
        var length = stop - start;
        if (length > PooledLength)
        {
            return text.Substring(start, length);
        }
        var span = text.AsSpan(start, length);
        var slot = length == 0 ? 0
            : (int)((uint)((length * 31) ^ (span[0] * 7) ^ (span[^1] * 131) ^ (span[length / 2] * 1031))
                % (uint)pool.Length);
        if (pool[slot] is { } pooled && span.SequenceEqual(pooled))
        {
            return pooled;
        }
        return pool[slot] = span.ToString();
    }
}
