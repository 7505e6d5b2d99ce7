using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Reliability;

/// <summary>
/// Asks every editor feature of the engine about a file, as an editor does while the file is open: outline, folding,
/// inlay hints, workspace symbols, quick fixes, and at each offset completion, hover, definition, references, highlight
/// and rename. An exception fails the calling test.
/// </summary>
public static class EditorFeatures
{
    private static readonly GuidanceRenderer Guidance = new(GuidanceIndex.Default, "file:///docs/guidance/");

    /// <summary>The start, the middle and the end of the text, the ends of its first and last lines, and the given
    /// offsets.</summary>
    public static IReadOnlyList<int> Offsets(SourceText text, params int[] more)
    {
        var offsets = new List<int> { 0, 1, text.Length / 2, text.Length - 1, text.Length, text.GetLineEnd(0),
            text.GetLineStart(text.LineCount - 1) };
        offsets.AddRange(more);
        return offsets.Select(offset => Math.Clamp(offset, 0, text.Length)).Distinct().Order().ToArray();
    }

    public static EditorAnswers Ask(AnalysisResult analysis, SpecFile file, IEnumerable<int> offsets)
    {
        var symbols = DocumentSymbols.For(file);
        var folds = FoldingRegions.For(file);
        var hints = InlayHints.For(file, analysis.Model, new TextSpan(0, file.Text.Length));
        var index = new SymbolIndex(analysis.Model);
        _ = index.DeclarationsMatching(string.Empty).Count();
        var hovers = new Dictionary<int, HoverInfo?>();
        var completions = new Dictionary<int, IReadOnlyList<CompletionCandidate>>();
        var asked = offsets.ToArray();
        foreach (var offset in asked)
        {
            completions[offset] = CompletionService.Complete(file, offset, analysis.Model, Guidance);
            hovers[offset] = HoverService.Hover(file, offset, analysis, Guidance, id => $"rules/{id}.md");
            _ = Navigation.Definition(index, file, offset);
            _ = Navigation.References(index, file, offset, includeDeclaration: true);
            _ = Navigation.Highlights(index, file, offset);
            _ = Navigation.PrepareRename(index, file, offset);
            _ = Navigation.Rename(index, file, offset, "renamed");
        }
        // An editor asks for the quick fixes of the diagnostics under the cursor; the first few stand in for a cursor
        // on each of them.
        var diagnostics = analysis.For(file.Path).ToArray();
        foreach (var diagnostic in diagnostics.Take(3).Concat(diagnostics.Where(d =>
            asked.Any(d.Span.ContainsOrTouches))).Distinct())
        {
            _ = CodeFixes.For(analysis, diagnostic);
        }
        return new EditorAnswers(symbols, folds, hints, hovers, completions);
    }

    /// <summary>Analyses one file and asks every feature about it at the usual offsets and the given ones.</summary>
    public static (AnalysisResult Analysis, EditorAnswers Answers) AnalyzeAndAsk(string text, params int[] offsets)
    {
        var file = SpecFile.Create("hostile.cachespec.yaml", text);
        var analysis = Analysis.SpecAnalyzer.Analyze(new[] { file });
        return (analysis, Ask(analysis, file, Offsets(file.Text, offsets)));
    }
}
