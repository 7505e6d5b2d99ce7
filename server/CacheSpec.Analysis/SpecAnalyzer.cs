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

    /// <summary>
    /// Below this much text the rules run one after another: starting threads would cost more than it saves. Above it, independent
    /// rules run on every core, each into its own list, and the lists are joined in catalog order, so the result is the same either way.
    /// </summary>
    internal const int ParallelThreshold = 64 * 1024;

    /// <summary>Checks already parsed files as one workspace (a host may keep unchanged files between runs).</summary>
    public static AnalysisResult Analyze(IReadOnlyList<SpecFile> files, IReadOnlyList<Rule>? rules = null) => Analyze(new WorkspaceModel(files), rules);

    /// <summary>Checks a workspace model built beforehand (an editor host builds it first for completion, which needs no rules).</summary>
    public static AnalysisResult Analyze(WorkspaceModel model, IReadOnlyList<Rule>? rules = null)
    {
        var files = model.Files;
        var catalog = rules ?? RuleCatalog.All;
        var independent = catalog.Where(rule => !rule.ReadsEarlierFindings).ToArray();
        var findings = new List<Diagnostic>[independent.Length];
        var parallel = Environment.ProcessorCount > 1 && files.Sum(file => (long)file.Text.Length) >= ParallelThreshold;
        if (parallel)
        {
            Parallel.For(0, independent.Length, index => findings[index] = Run(independent[index], model, new List<Diagnostic>()));
        }
        else
        {
            for (var index = 0; index < independent.Length; index++)
            {
                findings[index] = Run(independent[index], model, new List<Diagnostic>());
            }
        }
        var diagnostics = new List<Diagnostic>(findings.Sum(list => list.Count));
        foreach (var list in findings)
        {
            diagnostics.AddRange(list);
        }
        foreach (var rule in catalog.Where(rule => rule.ReadsEarlierFindings))
        {
            Run(rule, model, diagnostics);
        }
        diagnostics.Sort(CompareDiagnostics);
        return new AnalysisResult(model, diagnostics);
    }

    /// <summary>Runs one rule into a list; a rule that throws leaves one internal-error finding instead of its partial findings.</summary>
    private static List<Diagnostic> Run(Rule rule, WorkspaceModel model, List<Diagnostic> diagnostics)
    {
        var context = new RuleContext(model, diagnostics) { Current = rule };
        var before = diagnostics.Count;
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
            if (model.Files.FirstOrDefault() is { } file)
            {
                context.Add(file, new Text.TextSpan(0, 0), DiagnosticSeverity.Error,
                    $"The rule '{rule.Id}' failed ({exception.GetType().Name}: {exception.Message}); its findings are missing. Please report this.",
                    RuleCatalog.InternalErrorId);
            }
        }
        return diagnostics;
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
