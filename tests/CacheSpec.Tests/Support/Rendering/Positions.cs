using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>Offsets and spans as zero-based "line:column", the form every baseline uses (as LSP positions
/// are).</summary>
public static class Positions
{
    public static string Of(SourceText text, int offset) => text.GetPosition(offset).ToString();

    public static string Of(SourceText text, TextSpan span) => $"{Of(text, span.Start)}-{Of(text, span.End)}";

    /// <summary>The cursor's line with "‸" where the cursor stands, in backticks, so a baseline shows what was asked
    /// about.</summary>
    public static string Cursor(SourceText text, int offset)
    {
        var line = text.GetLineIndex(offset);
        var start = text.GetLineStart(line);
        var lineText = text.GetLineText(line);
        return $"{Of(text, offset)} `{lineText[..(offset - start)]}‸{lineText[(offset - start)..]}`";
    }

    /// <summary>Text on one line: line breaks as \n, carriage returns as \r, tabs as \t.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n")
        .Replace("\t", "\\t");
}
