using System.Text;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// Plays an <see cref="EditRecipe"/> on a <see cref="ClientDocument"/> as an editor would, and returns the LSP content
/// changes it sent. Places are chosen mostly where YAML structure is decided (indentation, list markers, keys and
/// values, comments, "---"), since that is where re-parsing only part of a document can go wrong.
/// </summary>
internal static class EditResolver
{
    /// <summary>Fragments that usually keep the YAML readable (plain text, list markers, comments, line breaks, keys,
    /// non-ASCII).</summary>
    private static readonly string[] Fragments =
    {
        " ", "  ", "- ", ": ", "#", "# note", "---", "\n", "\r\n", "\n  - ", "\n- name: extra\n", "x", "name",
            "caches:", "isolation:",
        "publicNetworkAccess: Disabled", "privateEndpoints:\n  - name: pe\n    subnet: hub/endpoints", "tier: Premium",
            "10.0.0.0/24", "😀",
        "é", "中文", "👩‍👩‍👧", ", ", "-",
    };

    /// <summary>Fragments that usually break the YAML until a later edit repairs it.</summary>
    private static readonly string[] BreakingFragments =
    {
        "\t", ":", "...", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "!!str ", "|", ">-", "? ", "\r", "\u2028", "%",
    };

    private static readonly string[] Values =
    {
        "Premium", "Standard", "Basic", "P1", "C0", "E10", "Disabled", "Enabled", "10.0.0.0/24", "10.0.0.5/28",
            "hub/endpoints", "nowhere/none",
        "\"1.2\"", "1.0", "[]", "[a, b]", "{}", "{x: 1}", "", "~", "true", "2", "-1", "'quoted'", "\"unterminated",
            "😀",
    };

    private static readonly string[] Typed =
    {
        "tier: Premium", "- name: extra-cache", "  size: P2", "publicNetworkAccess: Enabled", "# 😀 comment",
            "subnet: hub/endpoints",
        "shardCount: 3", "---", "[10.1.0.0/16, 10.2.0.0/16]", "firewallRules:",
            "{name: r, startIp: 1.2.3.4, endIp: 1.2.3.5}",
    };

    public static IReadOnlyList<TextDocumentContentChangeEvent> Play(ClientDocument document, EditRecipe edit)
    {
        var changes = new List<TextDocumentContentChangeEvent>();
        var at = Place(document, edit.Where);
        var line = document.LineOf(at);
        var lineStart = document.LineStarts()[line];
        var contentEnd = document.ContentEnd(line);
        var lineText = document.Text[lineStart..contentEnd];
        var indentEnd = lineStart + (lineText.Length - lineText.TrimStart(' ').Length);
        var overshoot = edit.Pick % 11 == 0 ? 1 + edit.Size % 5 : 0;
        void Replace(int start, int end, string text) => changes.Add(document.Replace(start, end, text, overshoot));

        switch (edit.Kind)
        {
            case EditKind.InsertFragment:
                Replace(at, at, Fragment(edit.Pick));
                break;
            case EditKind.DeleteSpan:
                Replace(at, Math.Min(document.Text.Length, at + 1 + edit.Size), "");
                break;
            case EditKind.ReplaceSpan:
                Replace(at, Math.Min(document.Text.Length, at + edit.Size), Fragment(edit.Pick));
                break;
            case EditKind.ReplaceValue:
                var colon = lineText.IndexOf(": ", StringComparison.Ordinal);
                var valueStart = colon < 0 ? contentEnd : lineStart + colon + 2;
                var commentAt = document.Text.IndexOf(" #", valueStart, contentEnd - valueStart,
                    StringComparison.Ordinal);
                Replace(valueStart, commentAt < 0 ? contentEnd : commentAt, Pick(Values, edit.Pick));
                break;
            case EditKind.DeleteLine:
                Replace(lineStart, NextLineStart(document, line), "");
                break;
            case EditKind.PressEnter:
                // Mostly at the end of a line, keeping its indentation (a blank line); sometimes mid-line, deeper, or
                // starting an item.
                var indentation = new string(' ', indentEnd - lineStart) + (edit.Pick / 4 % 4) switch
                {
                    1 => "  ",
                    2 =>
                    "- ",
                    _ => ""
                };
                var enterAt = edit.Pick % 4 == 0 ? at : contentEnd;
                Replace(enterAt, enterAt, document.LineBreak + indentation);
                break;
            case EditKind.JoinLines:
                var next = NextLineStart(document, line);
                var nextIndentEnd = next;
                while (nextIndentEnd < document.Text.Length && document.Text[nextIndentEnd] == ' ')
                {
                    nextIndentEnd++;
                }
                Replace(contentEnd, nextIndentEnd, edit.Pick % 2 == 0 ? " " : "");
                break;
            case EditKind.Indent when edit.Pick % 2 == 0:
                // Tab on a selected list item: two spaces at the start of each of its lines, one change per line.
                var (indentFrom, indentTo) = Block(document, ItemLine(document, line));
                foreach (var start in document.LineStarts().Where(start => start >= indentFrom && start < indentTo)
                    .Reverse().ToArray())
                {
                    Replace(start, start, "  ");
                }
                break;
            case EditKind.Indent:
                Replace(lineStart, lineStart, edit.Pick % 5 == 1 ? "\t" : new string(' ', 1 + edit.Pick % 4));
                break;
            case EditKind.Dedent when edit.Pick % 2 == 0:
                var (dedentFrom, dedentTo) = Block(document, ItemLine(document, line));
                foreach (var start in document.LineStarts().Where(start => start >= dedentFrom && start < dedentTo)
                    .Reverse().ToArray())
                {
                    var spaces = 0;
                    while (spaces < 2 && start + spaces < document.Text.Length && document.Text[start + spaces] == ' ')
                    {
                        spaces++;
                    }
                    Replace(start, start + spaces, "");
                }
                break;
            case EditKind.Dedent:
                Replace(lineStart, Math.Min(indentEnd, lineStart + 1 + edit.Size % 4), "");
                break;
            case EditKind.MakeListItem:
                if (indentEnd - lineStart >= 2 && edit.Pick % 2 == 0)
                {
                    Replace(indentEnd - 2, indentEnd, "- ");
                }
                else
                {
                    Replace(indentEnd, indentEnd, "- ");
                }
                break;
            case EditKind.UnmakeListItem:
                var marker = lineText.TrimStart(' ').StartsWith("- ", StringComparison.Ordinal) ? indentEnd
                    : document.Text.IndexOf("- ", lineStart, StringComparison.Ordinal);
                if (marker >= 0)
                {
                    Replace(marker, marker + 2, edit.Pick % 2 == 0 ? "  " : "");
                }
                break;
            case EditKind.CommentOut:
                Replace(edit.Pick % 2 == 0 ? lineStart : indentEnd, edit.Pick % 2 == 0 ? lineStart : indentEnd,
                    edit.Pick % 3 == 0 ? "#" : "# ");
                break;
            case EditKind.Uncomment:
                var hash = document.Text.IndexOf('#', lineStart, contentEnd - lineStart);
                if (hash >= 0)
                {
                    Replace(hash, hash + (hash + 1 < contentEnd && document.Text[hash + 1] == ' ' ? 2 : 1), "");
                }
                break;
            case EditKind.InsertDocumentSeparator:
                Replace(lineStart, lineStart, (edit.Pick % 4) switch
                {
                    0 => "---",
                    1 => "--- # next",
                    2 => "...",
                    _ =>
                    "---\n---"
                } + document.LineBreak);
                break;
            case EditKind.DuplicateLine:
                var after = NextLineStart(document, line);
                var copy = document.Text[lineStart..after];
                Replace(after, after, after == document.Text.Length && !copy.EndsWith('\n') && !copy.EndsWith('\r')
                    ? document.LineBreak + copy : copy);
                break;
            case EditKind.CopyItem:
                // Copies the list item around the place (with its children) after itself, before itself, or to another
                // line.
                var (blockStart, blockEnd) = Block(document, ItemLine(document, line));
                var block = document.Text[blockStart..blockEnd];
                var target = (edit.Pick % 4) switch
                {
                    0 or 1 => blockEnd,
                    2 => blockStart,
                    _ => Place(document,
                    edit.Size * 4)
                };
                target = document.LineStarts()[document.LineOf(target)];
                if (target == document.Text.Length && target > 0 && document.Text[target - 1] is not ('\n' or '\r'))
                {
                    block = document.LineBreak + block;
                }
                Replace(target, target, block.EndsWith('\n') || block.EndsWith('\r') ? block : block
                    + document.LineBreak);
                break;
            case EditKind.ChangeLineBreak:
                var breakEnd = NextLineStart(document, line);
                var lineBreak = document.Text[contentEnd..breakEnd];
                var replacement = (lineBreak, edit.Pick % 3) switch
                {
                    ("\n", 0) => "\r\n",
                    ("\n", 1) => "\r",
                    ("\r\n", 0) => "\n",
                    ("\r\n", 1) => "\r",
                    ("\r", _) => "\n",
                    _ => lineBreak + lineBreak,
                };
                Replace(contentEnd, breakEnd, replacement);
                break;
            case EditKind.TypeText:
                // One change per character typed (an emoji as one), as editors send keystrokes batched into one
                // notification: half the time a new value typed over a line's value, else a snippet typed anywhere.
                var position = at;
                var typing = Pick(Typed, edit.Pick / 2);
                if (edit.Pick % 2 == 0 && lineText.IndexOf(": ", StringComparison.Ordinal) is var separator and >= 0)
                {
                    position = lineStart + separator + 2;
                    Replace(position, contentEnd, "");
                    typing = Pick(Values, edit.Pick / 2);
                }
                foreach (var rune in typing.EnumerateRunes())
                {
                    var typed = rune.ToString();
                    Replace(position, position, typed);
                    position += typed.Length;
                }
                break;
            case EditKind.Backspaces:
                var cursor = at;
                for (var i = 0; i <= edit.Size % 6 && cursor > 0; i++)
                {
                    var previous = document.Snap(cursor - 1);
                    Replace(previous, cursor, "");
                    cursor = previous;
                }
                break;
            case EditKind.Undo:
                // Undoes the last edits (one, or up to four), in reverse order: a break followed by its repair.
                for (var undone = 0; undone < (edit.Size % 3 == 0 ? 1 + edit.Pick % 4 : 1)
                    && document.History.Count > 2 * undone; undone++)
                {
                    var last = document.History[^(1 + 2 * undone)];
                    Replace(last.Start, last.Start + last.Inserted.Length, last.Removed);
                }
                break;
            case EditKind.ReplaceAll:
                changes.Add(document.ReplaceAll(WholeText(document.Text, edit)));
                break;
        }
        return changes;
    }

    /// <summary>
    /// A change without a range: another spec pasted over everything, the editor's "change end of line sequence"
    /// command, or the text after one of the engine property test's mutations (kept to valid UTF-16 and a bounded size,
    /// as a real editor would send).
    /// </summary>
    private static string WholeText(string text, EditRecipe edit)
    {
        switch (edit.Pick % 3)
        {
            case 0:
                return EditSeeds.All[edit.Size % EditSeeds.All.Count].Text;
            case 1:
                return text.Contains("\r\n", StringComparison.Ordinal) ? text.Replace("\r\n", "\n") : text.Replace("\n",
                    "\r\n");
            default:
                var mutated = PropertyTests.Mutate(text, 1 + edit.Size % 2, edit.Pick);
                if (mutated.Length > text.Length * 2 + 200)
                {
                    mutated = mutated[..(text.Length * 2 + 200)];
                }
                var valid = new StringBuilder(mutated.Length);
                foreach (var rune in WholeRunes(mutated))
                {
                    valid.Append(rune);
                }
                return valid.ToString();
        }
    }

    /// <summary>The text's characters without unpaired surrogates, which no client can send.</summary>
    private static IEnumerable<string> WholeRunes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return text.Substring(i++, 2);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                yield return text[i].ToString();
            }
        }
    }

    /// <summary>Mostly a structural place, else any offset; never inside a surrogate pair or a CRLF.</summary>
    private static int Place(ClientDocument document, int where)
    {
        if (where % 4 == 3)
        {
            return document.Snap(where / 4 % (document.Text.Length + 1));
        }
        var places = StructuralPlaces(document);
        return document.Snap(places[where / 4 % places.Count]);
    }

    private static List<int> StructuralPlaces(ClientDocument document)
    {
        var places = new List<int> { 0, document.Text.Length };
        var starts = document.LineStarts();
        for (var line = 0; line < starts.Count; line++)
        {
            var start = starts[line];
            var end = document.ContentEnd(line);
            var text = document.Text[start..end];
            var content = text.TrimStart(' ');
            var indentEnd = start + text.Length - content.Length;
            places.Add(start);
            places.Add(end);
            places.Add(indentEnd);
            if (content.StartsWith("- ", StringComparison.Ordinal))
            {
                // List items get more weight: their starts, markers and the places just inside them.
                places.Add(start);
                places.Add(indentEnd + 1);
                places.Add(indentEnd + 2);
            }
            if (text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
            {
                places.Add(start + colon);
                places.Add(start + colon + 1);
                places.Add((start + colon + 1 + end) / 2);
            }
            if (text.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0)
            {
                places.Add(start + hash);
                places.Add((start + hash + end) / 2);
            }
            if (content.StartsWith("---", StringComparison.Ordinal) || content.StartsWith("...",
                StringComparison.Ordinal))
            {
                places.Add(start + 3);
                places.Add(start > 0 ? start - 1 : start);
            }
            if (text.IndexOfAny(new[] { '[', '{' }) is var flow and >= 0)
            {
                places.Add(start + flow + 1);
            }
        }
        return places;
    }

    /// <summary>The nearest line at or above this one that starts a list item (the line itself when none
    /// does).</summary>
    private static int ItemLine(ClientDocument document, int line)
    {
        var starts = document.LineStarts();
        for (var candidate = line; candidate >= 0; candidate--)
        {
            if (document.Text[starts[candidate]..document.ContentEnd(candidate)].TrimStart(' ').StartsWith("- ",
                StringComparison.Ordinal))
            {
                return candidate;
            }
        }
        return line;
    }

    /// <summary>The line and every following line indented deeper (a list item or mapping entry with its
    /// children).</summary>
    private static (int Start, int End) Block(ClientDocument document, int line)
    {
        var starts = document.LineStarts();
        int Indentation(int index)
        {
            var text = document.Text[starts[index]..document.ContentEnd(index)];
            var content = text.TrimStart(' ');
            return content.StartsWith("- ", StringComparison.Ordinal) ? text.Length - content.Length + 1
                : text.Length - content.Length;
        }
        var own = Indentation(line);
        var last = line;
        while (last + 1 < starts.Count && (document.ContentEnd(last + 1) == starts[last + 1] || Indentation(last
            + 1) > own))
        {
            last++;
        }
        return (starts[line], NextLineStart(document, last));
    }

    private static int NextLineStart(ClientDocument document, int line)
    {
        var starts = document.LineStarts();
        return line + 1 < starts.Count ? starts[line + 1] : document.Text.Length;
    }

    private static string Pick(string[] values, int pick) => values[pick % values.Length];

    /// <summary>A breaking fragment when the pick's last digit is 0, 1 or 2, else one that usually keeps the YAML
    /// readable.</summary>
    private static string Fragment(int pick) => pick % 10 < 3 ? Pick(BreakingFragments, pick / 10) : Pick(Fragments,
        pick / 10);
}
