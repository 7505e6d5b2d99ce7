using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// Where nodes stand in the text: columns, line starts and ends, indentation, and where a node's text really ends.
/// </summary>
internal static class YamlLayout
{
    /// <summary>The document's own line break, so an inserted line does not mix "\r\n" and "\n".</summary>
    public static string LineBreak(SourceText text) =>
        text.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    public static int Column(SourceText text, int offset) => text.GetPosition(offset).Character;

    public static string Spaces(int count) => new(' ', Math.Max(0, count));

    public static int LineStart(SourceText text, int offset) => text.GetLineStart(text.GetLineIndex(offset));

    public static int LineEnd(SourceText text, int offset) => text.GetLineEnd(text.GetLineIndex(offset));

    /// <summary>
    /// The start of the next line (past the line break of the offset's line), or the end of the text.
    /// </summary>
    public static int NextLineStart(SourceText text, int offset)
    {
        var line = text.GetLineIndex(offset);
        return line + 1 < text.LineCount ? text.GetLineStart(line + 1) : text.Length;
    }

    /// <summary>True when only spaces stand before the offset on its line.</summary>
    public static bool StartsLine(SourceText text, int offset)
    {
        for (var i = LineStart(text, offset); i < offset; i++)
        {
            if (text.Text[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when nothing but spaces, tabs or a comment follows the offset on its line.</summary>
    public static bool EndsLine(SourceText text, int offset)
    {
        var end = LineEnd(text, offset);
        for (var i = offset; i < end; i++)
        {
            var c = text.Text[i];
            if (c == '#' && (i == offset || text.Text[i - 1] is ' ' or '\t'))
            {
                return true;
            }
            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The column of the "-" of a block sequence item, when the item's line holds only spaces and that one marker
    /// before it.
    /// </summary>
    public static int? MarkerColumn(SourceText text, int itemStart)
    {
        var i = itemStart - 1;
        while (i >= 0 && text.Text[i] == ' ')
        {
            i--;
        }
        if (i < 0 || text.Text[i] != '-' || i + 1 == itemStart)
        {
            return null;
        }
        return StartsLine(text, i) ? Column(text, i) : null;
    }

    /// <summary>
    /// The offset just past a node's text: past the closing bracket of a flow collection (the tree's span stops before
    /// it), at the end of the last child of a block collection, before the line breaks a block scalar keeps. Null when
    /// unsure.
    /// </summary>
    public static int? End(SourceText text, SyntaxNode node)
    {
        switch (node)
        {
            case MappingSyntax { IsFlow: true }:
            case SequenceSyntax { IsFlow: true }:
                var closing = node is MappingSyntax ? '}' : ']';
                var i = node.Span.End;
                while (i < text.Length && char.IsWhiteSpace(text.Text[i]))
                {
                    i++;
                }
                return i < text.Length && text.Text[i] == closing ? i + 1 : null;
            case MappingSyntax { Entries.Count: > 0 } mapping:
                return End(text, mapping.Entries[^1]);
            case SequenceSyntax { Items.Count: > 0 } sequence:
                return End(text, sequence.Items[^1]);
            case ScalarSyntax scalar:
                var end = scalar.Span.End;
                while (end > scalar.Span.Start && char.IsWhiteSpace(text.Text[end - 1]))
                {
                    end--;
                }
                return end;
            default:
                return node.Span.End;
        }
    }

    /// <summary>The end of an entry: of its value, or of the colon after its key when the value is empty.</summary>
    public static int? End(SourceText text, EntrySyntax entry) =>
        entry.Value is ScalarSyntax { Span.Length: 0 } ? AfterColon(text, entry.Key) ?? entry.Key.Span.End
            : End(text, entry.Value);

    /// <summary>The offset just past the colon that follows a key (spaces may stand between), or null.</summary>
    public static int? AfterColon(SourceText text, SyntaxNode key)
    {
        var colon = key.Span.End;
        while (colon < text.Length && text.Text[colon] == ' ')
        {
            colon++;
        }
        return colon < text.Length && text.Text[colon] == ':' ? colon + 1 : null;
    }

    /// <summary>
    /// How many columns a nested block mapping is indented by in this document (2 when nothing shows it).
    /// </summary>
    public static int IndentUnit(SourceText text, SyntaxNode? root)
    {
        var pending = new Queue<SyntaxNode>();
        if (root is not null)
        {
            pending.Enqueue(root);
        }
        var visited = 0;
        while (pending.Count > 0 && visited++ < 1000)
        {
            switch (pending.Dequeue())
            {
                case MappingSyntax { IsFlow: false } mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Value is MappingSyntax { IsFlow: false, Entries.Count: > 0 } child)
                        {
                            var unit = Column(text, child.Entries[0].Key.Span.Start)
                                - Column(text, entry.Key.Span.Start);
                            if (unit > 0)
                            {
                                return unit;
                            }
                        }
                        pending.Enqueue(entry.Value);
                    }
                    break;
                case SequenceSyntax { IsFlow: false } sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Enqueue(item);
                    }
                    break;
            }
        }
        return 2;
    }
}
