using CacheSpec.Server.Lsp.Protocol;
using LspRange = CacheSpec.Server.Lsp.Protocol.Range;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// The editor's copy of a document. It applies edits by offset and states them as LSP changes, converting offsets to
/// positions with its own reading of the protocol (lines end at "\r\n", "\r" or "\n"; characters are UTF-16 code
/// units), independent of the server's SourceText, so the two can be compared.
/// </summary>
internal sealed class ClientDocument
{
    private readonly List<AppliedEdit> history = new();

    public ClientDocument(string uri, string text)
    {
        Uri = uri;
        Text = text;
    }

    public string Uri { get; }

    public string Text { get; private set; }

    /// <summary>Every edit applied so far, oldest first, as offsets into the text it was applied to.</summary>
    public IReadOnlyList<AppliedEdit> History => history;

    /// <summary>"\r\n" when most line breaks are, else "\n": what the editor inserts for Enter.</summary>
    public string LineBreak
    {
        get
        {
            var crlf = CountOf("\r\n");
            return crlf > 0 && crlf * 2 >= CountOf("\n") ? "\r\n" : "\n";
        }
    }

    /// <summary>The offset where each line starts, by LSP's line breaks.</summary>
    public IReadOnlyList<int> LineStarts() => lineStarts ??= ComputeLineStarts();

    private IReadOnlyList<int>? lineStarts;

    private List<int> ComputeLineStarts()
    {
        var starts = new List<int> { 0 };
        var offset = 0;
        while (offset < Text.Length)
        {
            var breakLength = BreakLengthAt(offset);
            offset += Math.Max(1, breakLength);
            if (breakLength > 0)
            {
                starts.Add(offset);
            }
        }
        return starts;
    }

    /// <summary>The end of a line's content (before its line break).</summary>
    public int ContentEnd(int line)
    {
        var starts = LineStarts();
        var end = line + 1 < starts.Count ? starts[line + 1] : Text.Length;
        while (end > starts[line] && Text[end - 1] is '\r' or '\n')
        {
            end--;
        }
        return end;
    }

    public int LineOf(int offset)
    {
        var starts = LineStarts();
        var line = 0;
        while (line + 1 < starts.Count && starts[line + 1] <= offset)
        {
            line++;
        }
        return line;
    }

    public Position PositionOf(int offset)
    {
        var line = LineOf(offset);
        return new Position(line, offset - LineStarts()[line]);
    }

    /// <summary>
    /// Moves an offset back to where a position can name it: never inside a surrogate pair (UTF-16 positions keep a
    /// character whole) and never between the "\r" and "\n" of one line break, which no line and character can address.
    /// </summary>
    public int Snap(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        if (offset > 0 && offset < Text.Length
            && ((char.IsHighSurrogate(Text[offset - 1]) && char.IsLowSurrogate(Text[offset]))
                || (Text[offset - 1] == '\r' && Text[offset] == '\n')))
        {
            offset--;
        }
        return offset;
    }

    /// <summary>
    /// Replaces [start, end) and returns the change as the editor sends it. With <paramref name="overshoot"/>, a
    /// position at the end of a line names a character past it (LSP says it clamps to the line's end); the edit is the
    /// same.
    /// </summary>
    public TextDocumentContentChangeEvent Replace(int start, int end, string text, int overshoot = 0)
    {
        start = Snap(start);
        end = Math.Max(start, Snap(end));
        var range = new LspRange(Describe(start, overshoot), Describe(end, overshoot));
        Apply(start, end, text);
        return new TextDocumentContentChangeEvent(text, range);
    }

    /// <summary>Undoes every edit applied since the history held <paramref name="count"/> edits, newest first, as the
    /// editor sends an undo.</summary>
    public IReadOnlyList<TextDocumentContentChangeEvent> RevertTo(int count)
    {
        var changes = new List<TextDocumentContentChangeEvent>();
        for (var index = history.Count - 1; index >= count; index--)
        {
            var edit = history[index];
            changes.Add(Replace(edit.Start, edit.Start + edit.Inserted.Length, edit.Removed));
        }
        return changes;
    }

    /// <summary>A change without a range: the whole text is replaced.</summary>
    public TextDocumentContentChangeEvent ReplaceAll(string text)
    {
        Apply(0, Text.Length, text);
        return new TextDocumentContentChangeEvent(text);
    }

    private Position Describe(int offset, int overshoot)
    {
        var position = PositionOf(offset);
        if (overshoot > 0 && offset == ContentEnd(position.Line))
        {
            // A line past the last names the end of the text; a character past a line's content names its end.
            return offset == Text.Length && overshoot % 2 == 0
                ? new Position(LineStarts().Count + overshoot, 0)
                : position with { Character = position.Character + overshoot };
        }
        return position;
    }

    private void Apply(int start, int end, string text)
    {
        history.Add(new AppliedEdit(start, Text[start..end], text));
        Text = string.Concat(Text.AsSpan(0, start), text, Text.AsSpan(end));
        lineStarts = null;
    }

    private int BreakLengthAt(int offset) => Text[offset] switch
    {
        '\r' when offset + 1 < Text.Length && Text[offset + 1] == '\n' => 2,
        '\r' or '\n' => 1,
        _ => 0,
    };

    private int CountOf(string value)
    {
        var count = 0;
        for (var index = Text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = Text.IndexOf(value, index
            + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
