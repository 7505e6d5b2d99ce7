using System.Text.RegularExpressions;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>
/// A file's document symbols as an indented tree, a symbol a line: "category `name` span (name span) · detail"; then
/// its folding regions, a region a line: "first-last line" (zero-based, inclusive), "comment" for a comment run, and
/// the first line's text.
/// </summary>
public static partial class OutlineRendering
{
    public static string Render(SpecFile file)
    {
        var text = new System.Text.StringBuilder("# symbols\n");
        foreach (var symbol in AnalysisSnapshot.Outline(file))
        {
            Append(text, file, symbol, 0);
        }
        text.Append("# folding\n");
        foreach (var region in AnalysisSnapshot.Folding(file))
        {
            var first = file.Text.GetLineText(region.StartLine).TrimEnd('\r');
            var kind = region.IsComment ? " comment" : string.Empty;
            text.Append($"{region.StartLine}-{region.EndLine}{kind} `{first}`\n");
        }
        return text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, SpecFile file, SpecSymbol symbol, int depth)
    {
        text.Append(new string(' ', depth * 2))
            .Append($"{Category(symbol.Category)} `{symbol.Name}` {Positions.Of(file.Text, symbol.Span)}")
            .Append($" (name {Positions.Of(file.Text, symbol.NameSpan)})")
            .Append(symbol.Detail is null ? string.Empty : " · " + symbol.Detail)
            .Append('\n');
        foreach (var child in symbol.Children)
        {
            Append(text, file, child, depth + 1);
        }
    }

    private static string Category(SymbolCategory category) => UpperCaseInside().Replace(category.ToString(), "-$0")
        .ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])[A-Z]")]
    private static partial Regex UpperCaseInside();
}
