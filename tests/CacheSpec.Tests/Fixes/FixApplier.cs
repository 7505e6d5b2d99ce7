using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Fixes;

/// <summary>Applies a fix's edits to file texts as an editor applies a workspace edit: every span refers to the text
/// before the fix.</summary>
public static class FixApplier
{
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> files, CodeFix fix)
    {
        var result = new Dictionary<string, string>(files, StringComparer.Ordinal);
        foreach (var group in fix.Edits.GroupBy(edit => edit.File.Path))
        {
            var text = result[group.Key];
            var edits = group.OrderBy(edit => edit.Span.Start).ToArray();
            for (var i = 1; i < edits.Length; i++)
            {
                Assert.True(edits[i - 1].Span.End <= edits[i].Span.Start,
                    $"'{fix.Title}' has overlapping edits in {group.Key}.");
            }
            foreach (var edit in edits.Reverse())
            {
                Assert.True(edit.Span.End <= text.Length, $"'{fix.Title}' edits past the end of {group.Key}.");
                text = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
            }
            result[group.Key] = text;
        }
        return result;
    }

    /// <summary>
    /// Where a span of the old text lies in the new one: shifted by the edits before it; when an edit replaced part of
    /// it, the whole range the edits wrote there (the node's replacement). Insertions exactly at its start come before
    /// it.
    /// </summary>
    public static (TextSpan Span, bool Replaced) Map(TextSpan span, IEnumerable<FixEdit> edits)
    {
        var shift = 0;
        int? shiftAtStart = null;
        var start = span.Start;
        var end = 0;
        foreach (var edit in edits.OrderBy(edit => edit.Span.Start))
        {
            var delta = edit.NewText.Length - edit.Span.Length;
            var before = edit.Span.Length == 0 ? edit.Span.Start <= span.Start : edit.Span.End <= span.Start;
            var after = edit.Span.Start >= span.End && !(edit.Span.Length == 0 && span.Length == 0
                && edit.Span.Start == span.Start);
            if (before)
            {
                shift += delta;
            }
            else if (!after)
            {
                shiftAtStart ??= shift;
                start = Math.Min(start, edit.Span.Start);
                shift += delta;
                end = Math.Max(end, edit.Span.End + shift);
            }
        }
        if (shiftAtStart is not { } startShift)
        {
            return (new TextSpan(span.Start + shift, span.Length), false);
        }
        return (TextSpan.FromBounds(start + startShift, Math.Max(end, span.End + shift)), true);
    }
}
