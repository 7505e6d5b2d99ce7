using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Analysis;

/// <summary>
/// The engine's front door: files in, model and diagnostics out. The command line and the language server both call it,
/// so they report the same findings. It never throws on user input, and a rule that fails becomes one internal-error finding.
/// </summary>
public static class SpecAnalyzer
{
    /// <summary>Parses, binds and checks the given files (path and text) as one workspace.</summary>
    public static AnalysisResult Analyze(IEnumerable<(string Path, string Text)> files, GuidanceProfile? profileOverride = null) =>
        Analyze(files.Select(file => SpecFile.Create(file.Path, file.Text, profileOverride)).ToArray());

    /// <summary>Checks already parsed files as one workspace (a host may keep unchanged files between runs).</summary>
    public static AnalysisResult Analyze(IReadOnlyList<SpecFile> files, IReadOnlyList<Rule>? rules = null)
    {
        var model = new WorkspaceModel(files);
        var diagnostics = new List<Diagnostic>();
        var context = new RuleContext(model, diagnostics);
        foreach (var rule in rules ?? RuleCatalog.All)
        {
            var before = diagnostics.Count;
            context.Current = rule;
            try
            {
                rule.Analyze(context);
            }
            catch (Exception exception)
            {
                if (diagnostics.Count > before)
                {
                    diagnostics.RemoveRange(before, diagnostics.Count - before);
                }
                var file = files.FirstOrDefault();
                if (file is not null)
                {
                    context.Add(file, new Text.TextSpan(0, 0), DiagnosticSeverity.Error,
                        $"The rule '{rule.Id}' failed ({exception.GetType().Name}: {exception.Message}); its findings are missing. Please report this.",
                        RuleCatalog.InternalErrorId);
                }
            }
        }
        diagnostics.Sort(CompareDiagnostics);
        return new AnalysisResult(model, diagnostics);
    }

    private static int CompareDiagnostics(Diagnostic a, Diagnostic b)
    {
        var byPath = string.CompareOrdinal(a.Path, b.Path);
        if (byPath != 0)
        {
            return byPath;
        }
        var byStart = a.Span.Start.CompareTo(b.Span.Start);
        if (byStart != 0)
        {
            return byStart;
        }
        var byEnd = a.Span.End.CompareTo(b.Span.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Code, b.Code);
    }
}
