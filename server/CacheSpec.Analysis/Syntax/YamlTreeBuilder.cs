using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Builds the positioned tree from YamlDotNet's event stream. On a syntax error it keeps every node read so far
/// (open collections are closed where the error stands) and resumes at the next document marker, so the rest of the
/// engine always works on what could be read. YamlDotNet throws other exception types than YamlException on some
/// inputs, so every exception is caught here and becomes a positioned syntax error.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly SourceText text;
    private readonly List<DocumentSyntax> documents = new();
    private readonly List<SyntaxError> errors = new();
    private readonly List<LimitFinding> limits = new();
    private readonly List<TextSpan> unread = new();
    private readonly Dictionary<string, SyntaxNode> anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> frames = new();
    private int baseOffset;
    private int endOffset;
    private int lastOffset;
    private bool hasAnchors;

    /// <summary>From this many characters on, YamlDotNet scans ahead on another core while the tree is built.</summary>
    private int readAheadThreshold = AnalysisOptions.Default.ParallelThreshold;

    /// <summary>
    /// How many collections enclose the text being read (a list item read alone sits inside the root mapping).
    /// </summary>
    private int enclosingDepth;
    private int documentStart;
    private SyntaxNode? documentRoot;

    private YamlTreeBuilder(SourceText text)
    {
        this.text = text;
        endOffset = text.Length;
    }

    public static SyntaxTree Build(SourceText text) => Build(text, AnalysisOptions.Default.ParallelThreshold);

    /// <summary>The same with another read-ahead threshold (the tests compare both ways).</summary>
    internal static SyntaxTree Build(SourceText text, int readAheadThreshold)
    {
        var builder = new YamlTreeBuilder(text) { readAheadThreshold = readAheadThreshold };
        builder.ReportForbiddenCharacters(0, text.Length);
        builder.ParseFrom(0);
        return new SyntaxTree(text, builder.documents, builder.errors, builder.limits)
        {
            HasAnchors = builder.hasAnchors,
            Unread = builder.unread,
        };
    }

    /// <summary>
    /// Parses the text between two offsets on its own, with spans that are offsets in the whole text; null when that
    /// part alone is not clean YAML (an error, a forbidden character, an anchor or an alias, a limit): the caller then
    /// parses the whole text instead.
    /// </summary>
    public static IReadOnlyList<DocumentSyntax>? BuildClean(SourceText text, int start, int end, int enclosingDepth)
    {
        var builder = new YamlTreeBuilder(text)
        {
            endOffset = end,
            baseOffset = start,
            lastOffset = start,
            enclosingDepth = enclosingDepth,
        };
        builder.ReportForbiddenCharacters(start, end);
        if (builder.errors.Count > 0 || builder.ParseSegment(start) >= 0 || builder.errors.Count > 0
            || builder.hasAnchors)
        {
            return null;
        }
        return builder.documents;
    }

    /// <summary>
    /// YAML allows only printable characters (tab and line breaks aside); YamlDotNet lets some through, so they are
    /// reported here.
    /// </summary>
    private void ReportForbiddenCharacters(int start, int end)
    {
        var reported = 0;
        var value = text.Text;
        for (var i = start; i < end && reported < 10; i++)
        {
            var c = value[i];
            var forbidden = (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c == 0x7F || c is '\uFFFE' or '\uFFFF'
                || (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])));
            if (forbidden)
            {
                errors.Add(new SyntaxError(new TextSpan(i, 1),
                    $"The character U+{(int)c:X4} is not allowed in YAML text."));
                reported++;
            }
        }
    }

    private void ParseFrom(int start)
    {
        while (start >= 0 && start <= text.Length)
        {
            baseOffset = start;
            lastOffset = start;
            var failedAt = ParseSegment(start);
            if (failedAt < 0)
            {
                return;
            }
            // Resume at the first document marker after the last good event: an unclosed bracket can push the error
            // itself past it.
            var stoppedAt = Math.Max(start, Math.Min(failedAt, lastOffset));
            start = NextDocumentMarker(stoppedAt);
            unread.Add(TextSpan.FromBounds(stoppedAt, start < 0 ? text.Length : start));
        }
    }

    /// <summary>Parses from an offset to the end; returns -1 on success or the offset of the error.</summary>
    private int ParseSegment(int start)
    {
        try
        {
            var input = start == 0 && endOffset == text.Length ? text.Text : text.Text[start..endOffset];
            using var events = YamlEventReader.For(input, readAhead: input.Length >= readAheadThreshold);
            while (events.TryRead(out var next))
            {
                if (next is { } parsingEvent)
                {
                    if (parsingEvent is MappingStart or SequenceStart
                        && frames.Count + enclosingDepth >= AnalysisLimits.MaxNestingDepth)
                    {
                        return StopTooDeep(parsingEvent);
                    }
                    OnEvent(parsingEvent);
                }
            }
            return -1;
        }
        catch (Exception exception)
        {
            var span = ErrorSpan(exception);
            if (exception.Message.Contains(" tab ", StringComparison.Ordinal)
                && TabIndentation.Near(text, span) is { } tab)
            {
                span = tab;
            }
            errors.Add(new SyntaxError(span, ErrorMessage(exception)));
            CloseOpenDocument(Math.Max(lastOffset, span.Start));
            return span.Start;
        }
    }

    /// <summary>
    /// Stops reading at a collection nested deeper than the limit, as at a syntax error: what was read stays, the open
    /// collections are closed and reading resumes at the next document marker. Reading on would cost YamlDotNet time
    /// that grows with the square of the depth.
    /// </summary>
    private int StopTooDeep(ParsingEvent collectionStart)
    {
        var start = Offset(collectionStart.Start);
        var span = Offset(collectionStart.End) > start ? TextSpan.FromBounds(start, Offset(collectionStart.End))
            : WidenToCharacter(start);
        var kind = collectionStart is MappingStart ? "mapping" : "list";
        limits.Add(new LimitFinding(span,
            $"This {kind} is nested {AnalysisLimits.MaxNestingDepth + 1} collections deep, more than the " +
            $"{AnalysisLimits.MaxNestingDepth} " +
            "the checker reads: the document is read up to here and the rest of it, up to the next '---', is not " +
                "checked."));
        CloseOpenDocument(start);
        return start;
    }

    private void OnEvent(ParsingEvent parsingEvent)
    {
        var start = Offset(parsingEvent.Start);
        var end = Offset(parsingEvent.End);
        lastOffset = Math.Max(lastOffset, end);
        switch (parsingEvent)
        {
            case DocumentStart:
                documentStart = start;
                documentRoot = null;
                anchors.Clear();
                break;
            case DocumentEnd:
                documents.Add(
                    new DocumentSyntax(documents.Count, documentRoot,
                        TextSpan.FromBounds(documentStart, Math.Max(end, lastOffset))));
                documentRoot = null;
                break;
            case Scalar scalar:
                var isPlain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                Complete(new ScalarSyntax(scalar.Value, isPlain, TextSpan.FromBounds(start, end))
                {
                    Anchor = AnchorOf(scalar.Anchor),
                });
                break;
            case AnchorAlias alias:
                hasAnchors = true;
                var name = alias.Value.Value;
                if (anchors.TryGetValue(name, out var target))
                {
                    Complete(new AliasSyntax(name, target, TextSpan.FromBounds(start, end)));
                }
                else
                {
                    errors.Add(new SyntaxError(TextSpan.FromBounds(start, end),
                        $"The alias '*{name}' names no anchor defined before it."));
                    Complete(new ScalarSyntax(string.Empty, true, TextSpan.FromBounds(start, end)));
                }
                break;
            case MappingStart mappingStart:
                // The single-pair mapping of "[a: b]" comes without a position (index 0 of the input), which a nested
                // node cannot have: it then starts at its key.
                var unplaced = frames.Count > 0 && parsingEvent.Start.Index == 0;
                var isFlowMapping = mappingStart.Style == MappingStyle.Flow;
                var mappingNode = new MappingSyntax(TextSpan.FromBounds(start, end), isFlowMapping)
                {
                    Anchor = AnchorOf(mappingStart.Anchor),
                };
                frames.Push(new Frame(mappingNode) { StartsAtFirstChild = unplaced });
                break;
            case SequenceStart sequenceStart:
                var isFlowSequence = sequenceStart.Style == SequenceStyle.Flow;
                var sequenceNode = new SequenceSyntax(TextSpan.FromBounds(start, end), isFlowSequence)
                {
                    Anchor = AnchorOf(sequenceStart.Anchor),
                };
                frames.Push(new Frame(sequenceNode));
                break;
            case MappingEnd:
            case SequenceEnd:
                var frame = frames.Pop();
                frame.Close(ContentEnd(frame.Node.Span.Start, end));
                Complete(frame.Node);
                break;
        }
    }

    private void Complete(SyntaxNode node)
    {
        if (node.Anchor is { } anchor)
        {
            hasAnchors = true;
            anchors[anchor] = node;
        }
        if (frames.Count == 0)
        {
            documentRoot = node;
            return;
        }
        var duplicate = frames.Peek().Attach(node);
        if (duplicate is not null)
        {
            errors.Add(new SyntaxError(duplicate.Span,
                $"The key '{((ScalarSyntax)duplicate).Value}' appears more than once in this mapping."));
        }
    }

    private void CloseOpenDocument(int at)
    {
        MarkCutShort(frames.Count > 0 ? frames.Peek().LastChild : documentRoot);
        while (frames.Count > 0)
        {
            var frame = frames.Pop();
            frame.Close(ContentEnd(frame.Node.Span.Start, at), cutShort: true);
            Complete(frame.Node);
        }
        if (documentRoot is not null || documentStart >= baseOffset)
        {
            var span = TextSpan.FromBounds(documentStart, Math.Max(at, documentStart));
            documents.Add(new DocumentSyntax(documents.Count, documentRoot, span) { IsCutShort = true });
        }
        documentRoot = null;
        documentStart = -1;
    }

    /// <summary>
    /// The collection completed just before the parser stopped, and the last collection in it, may have lost keys or
    /// items to the error too: a line indented one space too few ends them and is then the error.
    /// </summary>
    private static void MarkCutShort(SyntaxNode? node)
    {
        for (; node is MappingSyntax or SequenceSyntax; node = LastChildOf(node))
        {
            node.IsCutShort = true;
        }
    }

    private static SyntaxNode? LastChildOf(SyntaxNode collection) => collection switch
    {
        MappingSyntax { Entries.Count: > 0 } mapping => mapping.Entries[^1].Value,
        SequenceSyntax { Items.Count: > 0 } sequence => sequence.Items[^1],
        _ => null,
    };

    /// <summary>
    /// A collection's end event often stands at the next line's indentation: end the span at the last content instead.
    /// </summary>
    private int ContentEnd(int start, int end) => TrimWhiteSpace(text.Text, start, Math.Clamp(end, start, text.Length));

    /// <summary>
    /// Moves an end offset back over white space (in .NET's sense, a no-break space too), no further than a start:
    /// where a collection's span ends. <see cref="BlockYamlReader"/> ends flow collections the same way.
    /// </summary>
    internal static int TrimWhiteSpace(string value, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }
        return end;
    }

    private int NextDocumentMarker(int offset)
    {
        var line = text.GetLineIndex(offset) + 1;
        for (; line < text.LineCount; line++)
        {
            var lineText = text.GetLineText(line);
            if (lineText.StartsWith("---", StringComparison.Ordinal)
                && (lineText.Length == 3 || char.IsWhiteSpace(lineText[3])))
            {
                return text.GetLineStart(line);
            }
        }
        return -1;
    }

    private TextSpan ErrorSpan(Exception exception)
    {
        if (exception is YamlException yaml && (yaml.Start.Index > 0 || yaml.Start.Line > 1 || yaml.End.Index > 0))
        {
            var start = Offset(yaml.Start);
            var end = Math.Max(start, Offset(yaml.End));
            return end > start ? TextSpan.FromBounds(start, end) : WidenToCharacter(start);
        }
        return WidenToCharacter(Math.Min(lastOffset, text.Length));
    }

    private TextSpan WidenToCharacter(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        return offset < text.Length && text.Text[offset] is not ('\n' or '\r') ? new TextSpan(offset, 1)
            : new TextSpan(offset, 0);
    }

    private int Offset(Mark mark) => (int)Math.Clamp(baseOffset + mark.Index, 0, text.Length);

    private static string ErrorMessage(Exception exception)
    {
        if (exception is not YamlException)
        {
            // The parser's own state errors ("Operation is not valid due to the current state of the object") say
            // nothing to a user.
            return "The text is not valid YAML from here on; an unclosed bracket, brace or quote is the usual cause.";
        }
        var message = StripMarks(exception.InnerException is null ? exception.Message
            : exception.InnerException.Message);
        return message.Length == 0 ? "The text is not valid YAML." : message;
    }

    /// <summary>
    /// YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the diagnostic's range already says
    /// where.
    /// </summary>
    private static string StripMarks(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message[(marker + 3)..];
        }
        message = message.Trim();
        return message.Length > 0 && !message.EndsWith('.') ? message + "." : message;
    }

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private sealed class Frame
    {
        private SyntaxNode? pendingKey;
        private HashSet<string>? keys;

        public Frame(SyntaxNode node) => Node = node;

        public SyntaxNode Node { get; }

        /// <summary>The last child completed in this collection, unless a key still waits for its value.</summary>
        public SyntaxNode? LastChild => pendingKey is null ? LastChildOf(Node) : null;

        /// <summary>True when the parser gave the collection no position of its own.</summary>
        public bool StartsAtFirstChild { get; init; }

        /// <summary>Adds a completed child; returns the key node when it repeats a key of this mapping.</summary>
        public SyntaxNode? Attach(SyntaxNode child)
        {
            if (Node is SequenceSyntax sequence)
            {
                sequence.Add(child);
                return null;
            }
            var mapping = (MappingSyntax)Node;
            if (pendingKey is null)
            {
                pendingKey = child;
                return null;
            }
            var key = pendingKey;
            pendingKey = null;
            mapping.Add(new EntrySyntax(key, child));
            if (key is ScalarSyntax scalarKey)
            {
                keys ??= new HashSet<string>(StringComparer.Ordinal);
                if (!keys.Add(scalarKey.Value))
                {
                    return key;
                }
            }
            return null;
        }

        /// <summary>
        /// Ends the collection; <paramref name="cutShort"/> when the parser stopped inside it (see
        /// <see cref="SyntaxNode.IsCutShort"/>).
        /// </summary>
        public void Close(int end, bool cutShort = false)
        {
            Node.IsCutShort = cutShort;
            if (Node is MappingSyntax mapping && pendingKey is not null)
            {
                var unread = new ScalarSyntax(string.Empty, true, new TextSpan(pendingKey.Span.End, 0))
                {
                    IsCutShort = cutShort,
                };
                mapping.Add(new EntrySyntax(pendingKey, unread));
                pendingKey = null;
            }
            // A block collection ends with its last child: its end event stands after any comments that follow it.
            var lastChild = Node switch
            {
                MappingSyntax { Entries.Count: > 0 } withEntries =>
                    Math.Max(withEntries.Entries[^1].Key.Span.End, withEntries.Entries[^1].Value.Span.End),
                SequenceSyntax { Items.Count: > 0 } withItems => withItems.Items[^1].Span.End,
                _ => -1,
            };
            var isFlow = Node is MappingSyntax { IsFlow: true } or SequenceSyntax { IsFlow: true };
            var closing = lastChild >= 0 && !isFlow ? lastChild : end;
            var start = StartsAtFirstChild && Node is MappingSyntax { Entries.Count: > 0 } placed
                ? placed.Entries[0].Key.Span.Start : Node.Span.Start;
            if (StartsAtFirstChild && lastChild >= 0)
            {
                closing = lastChild;
            }
            Node.Span = TextSpan.FromBounds(start, Math.Max(closing, start));
        }
    }
}
