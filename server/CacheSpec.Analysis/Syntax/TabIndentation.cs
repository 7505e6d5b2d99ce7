using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Finds the tab that YamlDotNet complains about. Its "invalid tab as indentation" error carries no position, and its
/// "tab character that violates indentation" error spans from the previous value; a tab in a line's indentation on the
/// error's lines, or the line after them, is the character to point at.
/// </summary>
internal static class TabIndentation
{
    public static TextSpan? Near(SourceText text, TextSpan error)
    {
        var first = text.GetLineIndex(error.Start);
        var last = Math.Min(text.LineCount - 1, Math.Max(text.GetLineIndex(error.End), first + 1));
        for (var line = first; line <= last; line++)
        {
            var start = text.GetLineStart(line);
            var end = text.GetLineEnd(line);
            for (var i = start; i < end && text.Text[i] is ' ' or '\t'; i++)
            {
                if (text.Text[i] == '\t')
                {
                    return new TextSpan(i, 1);
                }
            }
        }
        return null;
    }
}
