using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Fixes;

/// <summary>
/// The last guard before a fix is offered: its edits must fit their files without overlapping and leave every file
/// valid YAML.
/// </summary>
internal static class FixVerifier
{
    /// <summary>
    /// True when every edited file parses without errors or limits before the fix and after it. A file with YAML syntax
    /// errors gets no fixes: its tree holds only what could be read, so positions near the error do not say where an
    /// edit would land.
    /// </summary>
    public static bool IsSafe(CodeFix fix)
    {
        if (fix.Edits.Count == 0)
        {
            return false;
        }
        foreach (var group in fix.Edits.GroupBy(edit => edit.File))
        {
            if (group.Key.Syntax.Errors.Count > 0 || Apply(group.Key, group) is not { } newText
                || !ParsesCleanly(newText))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A text past a limit is not parsed in full, so a fix that would make one cannot be verified.</summary>
    private static bool ParsesCleanly(string text)
    {
        var tree = SyntaxTree.Parse(new SourceText(text));
        return tree.Errors.Count == 0 && tree.Limits.Count == 0;
    }

    /// <summary>
    /// The file's text with the edits applied, or null when an edit falls outside the text or two edits overlap.
    /// </summary>
    public static string? Apply(SpecFile file, IEnumerable<FixEdit> edits)
    {
        var text = file.Text.Text;
        var ordered = edits.OrderBy(edit => edit.Span.Start).ThenBy(edit => edit.Span.End).ToArray();
        var builder = new System.Text.StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < position || edit.Span.End > text.Length)
            {
                return null;
            }
            builder.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }
}
