using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// Edits of the YAML text that keep it valid and in the document's own layout: replace a scalar, set a key, insert or
/// remove an entry, insert list items. Block and flow collections are both handled; each method returns null where it
/// cannot edit the text safely (anchored or block scalars, aliases, a key that shares its line with a list marker...),
/// so a fix is left out rather than broken.
/// </summary>
internal static class YamlEdits
{
    /// <summary>
    /// Replaces a scalar with YAML text. Aliases, anchored scalars and block scalars ("|", ">") are left alone.
    /// </summary>
    public static FixEdit? ReplaceScalar(SpecFile file, SyntaxNode? node, string yaml)
    {
        if (node is not ScalarSyntax { Anchor: null, Span.Length: > 0 } scalar
            || file.Text.Text[scalar.Span.Start] is '|' or '>')
        {
            return null;
        }
        var end = YamlLayout.End(file.Text, scalar) ?? scalar.Span.End;
        return new FixEdit(file, TextSpan.FromBounds(scalar.Span.Start, end), yaml);
    }

    /// <summary>
    /// Gives a key of a mapping a scalar value: replaces the value when the key is there, else inserts "key: value"
    /// first in the mapping (after is null) or after the given entry.
    /// </summary>
    public static FixEdit? SetScalar(SpecFile file, MappingSyntax mapping, string key, string yaml, EntrySyntax? after)
    {
        if (mapping.Find(key) is not { } entry)
        {
            return InsertEntry(file, mapping, new[] { $"{key}: {yaml}" }, after);
        }
        if (entry.Value is not ScalarSyntax { Span.Length: 0, IsNull: true })
        {
            return ReplaceScalar(file, entry.Value, yaml);
        }
        // "key:" with nothing after it: write the value after the colon.
        return YamlLayout.AfterColon(file.Text, entry.Key) is { } colonEnd
            ? new FixEdit(file, new TextSpan(colonEnd, 0), " " + yaml) : null;
    }

    /// <summary>
    /// Inserts an entry: lines[0] is "key: value"; further lines (block mappings only) are indented relative to the
    /// key. It goes first in the mapping when after is null, else right after that entry.
    /// </summary>
    public static FixEdit? InsertEntry(SpecFile file, MappingSyntax mapping, IReadOnlyList<string> lines,
        EntrySyntax? after)
    {
        var text = file.Text;
        if (mapping.IsFlow)
        {
            if (lines.Count != 1)
            {
                return null;
            }
            if (mapping.Entries.Count == 0)
            {
                return text.Text[mapping.Span.Start] == '{'
                    ? new FixEdit(file, new TextSpan(mapping.Span.Start + 1, 0), lines[0]) : null;
            }
            if (after is null)
            {
                return new FixEdit(file, new TextSpan(mapping.Entries[0].Key.Span.Start, 0), lines[0] + ", ");
            }
            return YamlLayout.End(text, after) is { } afterEnd
                ? new FixEdit(file, new TextSpan(afterEnd, 0), ", " + lines[0]) : null;
        }
        if (mapping.Entries.Count == 0)
        {
            return null;
        }
        var first = mapping.Entries[0].Key;
        var indent = YamlLayout.Column(text, first.Span.Start);
        var lineBreak = YamlLayout.LineBreak(text);
        var block = string.Join(lineBreak, lines.Select(line => YamlLayout.Spaces(indent) + line));
        if (after is null)
        {
            if (YamlLayout.StartsLine(text, first.Span.Start))
            {
                return new FixEdit(file, new TextSpan(YamlLayout.LineStart(text, first.Span.Start), 0),
                    block + lineBreak);
            }
            // The first key shares its line with a list marker ("- name: x"): the new entry goes after it.
            after = mapping.Entries[0];
        }
        if (YamlLayout.End(text, after) is not { } end || !YamlLayout.EndsLine(text, end))
        {
            return null;
        }
        return new FixEdit(file, new TextSpan(YamlLayout.LineEnd(text, end), 0), lineBreak + block);
    }

    /// <summary>
    /// Removes an entry with its value: its lines in a block mapping, the entry and one comma in a flow mapping. A
    /// block mapping cannot be left without entries (it would read as null); when owner is the entry whose value it is,
    /// it becomes "{}" instead.
    /// </summary>
    public static FixEdit? RemoveEntry(SpecFile file, MappingSyntax mapping, EntrySyntax entry,
        EntrySyntax? owner = null)
    {
        var text = file.Text;
        var index = IndexOf(mapping, entry);
        if (index < 0 || YamlLayout.End(text, entry) is not { } end)
        {
            return null;
        }
        if (mapping.IsFlow)
        {
            if (index + 1 < mapping.Entries.Count)
            {
                return new FixEdit(file,
                    TextSpan.FromBounds(entry.Key.Span.Start, mapping.Entries[index + 1].Key.Span.Start), string.Empty);
            }
            var start = index > 0 ? YamlLayout.End(text, mapping.Entries[index - 1]) : entry.Key.Span.Start;
            return start is { } from ? new FixEdit(file, TextSpan.FromBounds(from, end), string.Empty) : null;
        }
        if (mapping.Entries.Count == 1)
        {
            return owner is not null && ReferenceEquals(owner.Value, mapping)
                && YamlLayout.AfterColon(text, owner.Key) is { } colonEnd && colonEnd <= mapping.Span.Start
                ? new FixEdit(file, TextSpan.FromBounds(colonEnd, end), " {}")
                : null;
        }
        // A key after a list marker would take the marker with it.
        if (!YamlLayout.StartsLine(text, entry.Key.Span.Start) || !YamlLayout.EndsLine(text, end))
        {
            return null;
        }
        return new FixEdit(file,
            TextSpan.FromBounds(YamlLayout.LineStart(text, entry.Key.Span.Start), YamlLayout.NextLineStart(text, end)),
            string.Empty);
    }

    /// <summary>
    /// Inserts mappings (keys and YAML values, in order) into a list, before the item at index (or at the end when
    /// index is the count). Each new item takes the style of its neighbour: a flow mapping "- {...}" or a block
    /// mapping; in a block list they go above the comment lines that precede the item they are inserted before.
    /// </summary>
    public static FixEdit? InsertItems(SpecFile file, SequenceSyntax sequence, int index,
        IReadOnlyList<IReadOnlyList<(string Key, string Value)>> items)
    {
        var text = file.Text;
        if (items.Count == 0 || items.Any(item => item.Count == 0) || index < 0 || index > sequence.Items.Count)
        {
            return null;
        }
        var flowItems = items.Select(YamlText.FlowMapping).ToArray();
        if (sequence.IsFlow)
        {
            if (sequence.Items.Count == 0)
            {
                return text.Text[sequence.Span.Start] == '['
                    ? new FixEdit(file, new TextSpan(sequence.Span.Start + 1, 0), string.Join(", ", flowItems)) : null;
            }
            if (index < sequence.Items.Count)
            {
                return new FixEdit(file, new TextSpan(sequence.Items[index].Span.Start, 0),
                    string.Join(", ", flowItems) + ", ");
            }
            return YamlLayout.End(text, sequence.Items[^1]) is { } last
                ? new FixEdit(file, new TextSpan(last, 0), ", " + string.Join(", ", flowItems)) : null;
        }
        if (sequence.Items.Count == 0)
        {
            return null;
        }
        var neighbour = sequence.Items[Math.Min(index, sequence.Items.Count - 1)];
        if (YamlLayout.MarkerColumn(text, neighbour.Span.Start) is not { } marker)
        {
            return null;
        }
        var lines = new List<string>();
        switch (neighbour)
        {
            case MappingSyntax { IsFlow: true }:
                lines.AddRange(flowItems.Select(item => YamlLayout.Spaces(marker) + "- " + item));
                break;
            case MappingSyntax:
                var keyColumn = YamlLayout.Column(text, neighbour.Span.Start);
                foreach (var item in items)
                {
                    lines.Add(YamlLayout.Spaces(marker) + "-" + YamlLayout.Spaces(keyColumn - marker - 1)
                        + $"{item[0].Key}: {item[0].Value}");
                    lines.AddRange(item.Skip(1)
                        .Select(entry => YamlLayout.Spaces(keyColumn) + $"{entry.Key}: {entry.Value}"));
                }
                break;
            default:
                return null;
        }
        var lineBreak = YamlLayout.LineBreak(text);
        if (index < sequence.Items.Count)
        {
            var line = text.GetLineIndex(neighbour.Span.Start);
            while (line > 0 && text.GetLineText(line - 1).TrimStart().StartsWith('#'))
            {
                line--;
            }
            return new FixEdit(file, new TextSpan(text.GetLineStart(line), 0),
                string.Join(lineBreak, lines) + lineBreak);
        }
        if (YamlLayout.End(text, neighbour) is not { } end || !YamlLayout.EndsLine(text, end))
        {
            return null;
        }
        return new FixEdit(file, new TextSpan(YamlLayout.LineEnd(text, end), 0),
            lineBreak + string.Join(lineBreak, lines));
    }

    /// <summary>The value under a key when it is a mapping written in place (not an alias).</summary>
    public static MappingSyntax? ChildMapping(MappingSyntax? parent, string key) =>
        parent?.Find(key)?.Value as MappingSyntax;

    private static int IndexOf(MappingSyntax mapping, EntrySyntax entry)
    {
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            if (ReferenceEquals(mapping.Entries[i], entry))
            {
                return i;
            }
        }
        return -1;
    }
}
