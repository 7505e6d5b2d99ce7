namespace CacheSpec.Analysis.Text;

/// <summary>
/// An immutable text with a line index. Lines end at "\n", "\r\n" or a lone "\r", as LSP defines them;
/// characters are UTF-16 code units, which is what a .NET string indexes, so a column is an offset minus a line start.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string text)
    {
        Text = text;
        lineStarts = ComputeLineStarts(text);
    }

    private SourceText(string text, int[] lineStarts)
    {
        Text = text;
        this.lineStarts = lineStarts;
    }

    /// <summary>
    /// The text after replacing a span, with its line index derived from this one: the lines before the edit are kept,
    /// the edited ones found again, and those after it shifted, so a keystroke costs the edited lines rather than a
    /// scan of the whole text.
    /// </summary>
    public SourceText WithChange(TextSpan replaced, string inserted)
    {
        var start = Math.Clamp(replaced.Start, 0, Text.Length);
        var end = Math.Clamp(replaced.End, start, Text.Length);
        var text = string.Concat(Text.AsSpan(0, start), inserted, Text.AsSpan(end));
        return new SourceText(text, LineStartsAfter(text, start, end, inserted.Length) ?? ComputeLineStarts(text));
    }

    /// <summary>
    /// The line starts of the changed text, or null if the old index cannot be carried over. A line start past the
    /// inserted text and the character after it stands where the old text had one, moved by the change's length: a line
    /// break there is made of characters the edit did not touch, even when the character before them was inserted.
    /// </summary>
    private int[]? LineStartsAfter(string text, int start, int end, int insertedLength)
    {
        var delta = insertedLength - (end - start);
        var newEditEnd = start + insertedLength;
        // The line before the one the edit starts in begins, and ends, before the edit: a "\r" the edit pairs with an
        // inserted "\n" can only end the line just before the edit's.
        var kept = Math.Max(0, GetLineIndex(start) - 1);
        var edited = new List<int>();
        var position = lineStarts[kept];
        var tail = lineStarts.Length;
        while ((position = NextLineStart(text, position)) >= 0)
        {
            if (position > newEditEnd)
            {
                tail = Array.BinarySearch(lineStarts, position - delta);
                if (tail < 0)
                {
                    return null;
                }
                break;
            }
            edited.Add(position);
        }
        // One array of the exact size, not a list grown and then copied: at thousands of lines the index is tens of
        // kilobytes.
        var starts = new int[kept + 1 + edited.Count + (lineStarts.Length - tail)];
        Array.Copy(lineStarts, starts, kept + 1);
        edited.CopyTo(starts, kept + 1);
        for (int from = tail, to = kept + 1 + edited.Count; from < lineStarts.Length; from++, to++)
        {
            starts[to] = lineStarts[from] + delta;
        }
        return starts;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => lineStarts.Length;

    public int GetLineStart(int line) => lineStarts[Math.Clamp(line, 0, lineStarts.Length - 1)];

    /// <summary>The offset just past the line's content, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        line = Math.Clamp(line, 0, lineStarts.Length - 1);
        var end = line + 1 < lineStarts.Length ? lineStarts[line + 1] : Text.Length;
        while (end > lineStarts[line] && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }
        return end;
    }

    public string GetLineText(int line) => Text[GetLineStart(line)..GetLineEnd(line)];

    public int GetLineIndex(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = GetLineIndex(offset);
        return new LinePosition(line, offset - lineStarts[line]);
    }

    public LineRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>
    /// The offset of a line position; a character past the line's end clamps to the end, a line past the text to its
    /// end.
    /// </summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0)
        {
            return 0;
        }
        if (position.Line >= lineStarts.Length)
        {
            return Text.Length;
        }
        var start = lineStarts[position.Line];
        return (int)Math.Clamp((long)start + Math.Max(0, position.Character), start, GetLineEnd(position.Line));
    }

    public string GetText(TextSpan span) =>
        Text.Substring(Math.Clamp(span.Start, 0, Text.Length),
            Math.Clamp(span.Length, 0, Text.Length - Math.Clamp(span.Start, 0, Text.Length)));

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        var position = 0;
        while ((position = NextLineStart(text, position)) >= 0)
        {
            starts.Add(position);
        }
        return starts.ToArray();
    }

    /// <summary>
    /// The start of the line after the one holding <paramref name="from"/>'s next line break ("\r\n" is one), or -1
    /// when none follows.
    /// </summary>
    private static int NextLineStart(string text, int from)
    {
        var found = text.AsSpan(from).IndexOfAny('\r', '\n');
        if (found < 0)
        {
            return -1;
        }
        var at = from + found;
        return text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? at + 2 : at + 1;
    }
}
