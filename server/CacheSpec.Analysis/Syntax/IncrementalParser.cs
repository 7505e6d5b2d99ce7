using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Re-parses only the item of a top-level block sequence that an edit falls in (one cache, one network...), and splices
/// it into the previous tree; the nodes after it are copied with shifted spans. An item's region runs from its dash
/// line to the line of whatever follows it at its own level or above (the next item, the next top-level key, the next
/// document, the end of the text), so every comment and blank line belongs to exactly one region, and the line after a
/// region is never indented deeper than the item's dash: nothing inside the region can continue past it. The splice is
/// refused (null: parse everything) unless the previous tree was clean and free of anchors, the edit stays after the
/// item's dash and before the next region, and the region alone parses cleanly as one item.
/// </summary>
internal static class IncrementalParser
{
    public static SyntaxTree? TryReparse(SyntaxTree previous, SourceText text, TextSpan replaced, int insertedLength)
    {
        if (previous.Errors.Count > 0 || previous.Limits.Count > 0 || previous.HasAnchors
            || text.Length > AnalysisLimits.MaxTextLength
            || replaced.End > previous.Text.Length
            || text.Length != previous.Text.Length - replaced.Length + insertedLength)
        {
            return null;
        }
        for (var index = 0; index < previous.Documents.Count; index++)
        {
            var document = previous.Documents[index];
            var boundary = index + 1 < previous.Documents.Count
                ? LineStartOf(previous.Text, previous.Documents[index + 1].Span.Start) : previous.Text.Length;
            if (document.Root is MappingSyntax { IsFlow: false } root && root.Span.Start <= replaced.Start
                && IsBefore(replaced.Start, boundary, previous.Text))
            {
                var edit = new Splice(previous, text, replaced, insertedLength, boundary);
                return edit.TryInDocument(index, root);
            }
        }
        return null;
    }

    /// <summary>
    /// An offset belongs to the region that ends at a limit when it is before it, or when both are the end of the text.
    /// </summary>
    private static bool IsBefore(int offset, int limit, SourceText text) =>
        offset < limit || (offset == limit && limit == text.Length);

    private static int LineStartOf(SourceText text, int offset) => text.GetLineStart(text.GetLineIndex(offset));

    private sealed class Splice
    {
        private readonly SyntaxTree previous;
        private readonly SourceText text;
        private readonly TextSpan replaced;
        private readonly int delta;
        private readonly int documentBoundary;

        public Splice(SyntaxTree previous, SourceText text, TextSpan replaced, int insertedLength, int documentBoundary)
        {
            this.previous = previous;
            this.text = text;
            this.replaced = replaced;
            delta = insertedLength - replaced.Length;
            this.documentBoundary = documentBoundary;
        }

        public SyntaxTree? TryInDocument(int documentIndex, MappingSyntax root)
        {
            var entries = root.Entries;
            for (var entryIndex = 0; entryIndex < entries.Count; entryIndex++)
            {
                var nextStart = entryIndex + 1 < entries.Count
                    ? LineStartOf(previous.Text, entries[entryIndex + 1].Key.Span.Start) : documentBoundary;
                if (!IsBefore(replaced.Start, nextStart, previous.Text))
                {
                    continue;
                }
                if (entries[entryIndex].Value is not SequenceSyntax { IsFlow: false } sequence
                    || TryItem(sequence, nextStart) is not { } replacement)
                {
                    return null;
                }
                var newRoot = Rebuild(root, entryIndex, replacement);
                var endsDocument = entryIndex + 1 == entries.Count && replacement.IsLastItem;
                return NewTree(documentIndex, newRoot, endsDocument ? replacement.FragmentDocumentEnd : null);
            }
            return null;
        }

        private ItemReplacement? TryItem(SequenceSyntax sequence, int regionLimit)
        {
            var items = sequence.Items;
            var itemIndex = LastItemStartingAtOrBefore(items, replaced.Start);
            if (itemIndex < 0)
            {
                return null;
            }
            var oldText = previous.Text;
            var regionStart = LineStartOf(oldText, items[itemIndex].Span.Start);
            var regionEnd = itemIndex + 1 < items.Count ? LineStartOf(oldText, items[itemIndex + 1].Span.Start)
                : regionLimit;
            var dash = DashOffset(oldText.Text, regionStart, items[itemIndex].Span.Start);
            // The next item must start on its dash line too: "- # note" puts its dash lines above its content, inside
            // this region.
            if (itemIndex + 1 < items.Count && DashOffset(oldText.Text, regionEnd, items[itemIndex + 1].Span.Start) < 0)
            {
                return null;
            }
            var endsAtText = regionEnd == oldText.Length;
            // The edit must leave the dash line's indentation and dash alone, and the line break that ends the region
            // (unless the text ends there).
            if (dash < 0 || replaced.Start <= dash || replaced.End > regionEnd
                || (replaced.End == regionEnd && !endsAtText))
            {
                return null;
            }
            var newRegionEnd = regionEnd + delta;
            // Column-0 text in the region before or after the edit (a marker, a directive) may move where the document
            // ends.
            if (HasMarkerOrTab(oldText.Text, regionStart, regionEnd)
                || HasMarkerOrTab(text.Text, regionStart, newRegionEnd)
                || ParseRegion(regionStart, newRegionEnd)
                    is not [{ Root: SequenceSyntax { IsFlow: false, Items: [var item] } fragment } fragmentDocument]
                || fragment.Span.Start != dash
                || item.Span.End > ContentEnd(text.Text, regionStart, newRegionEnd))
            {
                return null;
            }
            return new ItemReplacement(itemIndex, item, itemIndex + 1 == items.Count, fragmentDocument.Span.End,
                sequence);
        }

        /// <summary>
        /// The region's tree when it parses cleanly alone: the fast reader first, YamlDotNet where that reader gives
        /// up.
        /// </summary>
        private IReadOnlyList<DocumentSyntax>? ParseRegion(int start, int end) =>
            BlockYamlReader.TryRead(text.Text, start, end, enclosingDepth: 1) is { } document
                ? new[] { document }
                : YamlTreeBuilder.BuildClean(text, start, end, enclosingDepth: 1);

        private MappingSyntax Rebuild(MappingSyntax root, int entryIndex, ItemReplacement replacement)
        {
            var sequence = replacement.Sequence;
            var items = new List<SyntaxNode>(sequence.Items.Count);
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                items.Add(i < replacement.ItemIndex ? sequence.Items[i] : i == replacement.ItemIndex ? replacement.Item
                    : SyntaxShifter.Shift(sequence.Items[i], delta));
            }
            var newSequence = new SequenceSyntax(TextSpan.FromBounds(sequence.Span.Start, items[^1].Span.End),
                isFlow: false);
            foreach (var item in items)
            {
                newSequence.Add(item);
            }
            var entries = root.Entries;
            var newRoot = new MappingSyntax(root.Span, isFlow: false);
            for (var i = 0; i < entries.Count; i++)
            {
                newRoot.Add(i < entryIndex ? entries[i]
                    : i == entryIndex ? new EntrySyntax(entries[i].Key, newSequence)
                    : new EntrySyntax(SyntaxShifter.Shift(entries[i].Key, delta),
                        SyntaxShifter.Shift(entries[i].Value, delta)));
            }
            var last = newRoot.Entries[^1];
            newRoot.Span = TextSpan.FromBounds(root.Span.Start, Math.Max(last.Key.Span.End, last.Value.Span.End));
            return newRoot;
        }

        /// <summary>
        /// The edited document ends where the re-parsed region's document ended when that region was its last, else
        /// where it did, shifted.
        /// </summary>
        private SyntaxTree NewTree(int documentIndex, MappingSyntax newRoot, int? regionDocumentEnd)
        {
            var documents = new List<DocumentSyntax>(previous.Documents.Count);
            for (var i = 0; i < previous.Documents.Count; i++)
            {
                var document = previous.Documents[i];
                if (i < documentIndex)
                {
                    documents.Add(document);
                }
                else if (i == documentIndex)
                {
                    var end = regionDocumentEnd ?? document.Span.End + delta;
                    documents.Add(
                        document with { Root = newRoot, Span = TextSpan.FromBounds(document.Span.Start, end) });
                }
                else
                {
                    documents.Add(document with
                    {
                        Root = document.Root is null ? null : SyntaxShifter.Shift(document.Root, delta),
                        Span = new TextSpan(document.Span.Start + delta, document.Span.Length),
                    });
                }
            }
            return new SyntaxTree(text, documents, Array.Empty<SyntaxError>());
        }

        private static int LastItemStartingAtOrBefore(IReadOnlyList<SyntaxNode> items, int offset)
        {
            int low = 0, high = items.Count - 1, found = -1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (items[middle].Span.Start <= offset)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return found;
        }

        /// <summary>
        /// Just past the region's last character that is neither blank nor in a comment line. An item that reaches past
        /// it ends on a position YamlDotNet takes from the token after it (the value missing after "? key" at the end),
        /// which differs in a region read alone.
        /// </summary>
        private static int ContentEnd(string value, int start, int end)
        {
            var lineEnd = end;
            while (lineEnd > start)
            {
                var lineStart = lineEnd;
                while (lineStart > start && value[lineStart - 1] is not ('\n' or '\r'))
                {
                    lineStart--;
                }
                var first = lineStart;
                while (first < lineEnd && value[first] == ' ')
                {
                    first++;
                }
                if (first < lineEnd && value[first] != '#')
                {
                    var last = lineEnd;
                    while (last > first && char.IsWhiteSpace(value[last - 1]))
                    {
                        last--;
                    }
                    return last;
                }
                lineEnd = lineStart;
                while (lineEnd > start && value[lineEnd - 1] is '\n' or '\r')
                {
                    lineEnd--;
                }
            }
            return start;
        }

        /// <summary>
        /// The dash of a "  - key: value" line: only spaces before it and only spaces between it and the item; -1
        /// otherwise.
        /// </summary>
        private static int DashOffset(string value, int lineStart, int itemStart)
        {
            var i = lineStart;
            while (i < itemStart && value[i] == ' ')
            {
                i++;
            }
            if (i >= itemStart || value[i] != '-')
            {
                return -1;
            }
            for (var j = i + 1; j < itemStart; j++)
            {
                if (value[j] != ' ')
                {
                    return -1;
                }
            }
            return itemStart > i + 1 ? i : -1;
        }

        /// <summary>
        /// True when a line of the region begins at column 0 with anything but a blank, a line break or a comment (the
        /// dash of an item at column 0 aside): a document marker, a directive or a key there belongs to the document,
        /// not to the item, and YamlDotNet reads it differently in a region read alone. A tab anywhere sends the edit
        /// to a full parse too: YamlDotNet judges a tab by the indentation around it.
        /// </summary>
        private static bool HasMarkerOrTab(string value, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = value[i];
                if (c == '\t')
                {
                    return true;
                }
                var atLineStart = i == start || value[i - 1] == '\n' || (value[i - 1] == '\r' && c != '\n');
                if (atLineStart && c is not (' ' or '#' or '\n' or '\r')
                    && !(i == start && c == '-' && i + 1 < end && value[i + 1] == ' '))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private sealed record ItemReplacement(int ItemIndex, SyntaxNode Item, bool IsLastItem, int FragmentDocumentEnd,
        SequenceSyntax Sequence);
}
