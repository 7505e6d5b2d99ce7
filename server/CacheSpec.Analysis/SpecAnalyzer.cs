using System.Diagnostics;
using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Rules.Structure;

namespace CacheSpec.Analysis;

/// <summary>
/// The engine's front door: files in, model and diagnostics out. The command line and the language server both call it,
/// so they report the same findings. It never throws on user input, a rule that fails becomes one internal-error finding, and
/// the work it does is bounded by <see cref="AnalysisLimits"/>.
/// </summary>
public static class SpecAnalyzer
{
    /// <summary>Parses, binds and checks the given files (path and text) as one workspace.</summary>
    public static AnalysisResult Analyze(IEnumerable<(string Path, string Text)> files, GuidanceProfile? profileOverride = null) =>
        Analyze(files.Select(file => SpecFile.Create(file.Path, file.Text, profileOverride)).ToArray());

    /// <summary>
    /// Checks already parsed files as one workspace (a host may keep unchanged files between runs). The time limit (by default
    /// <see cref="AnalysisLimits.AnalysisTime"/>) is checked between rules: once it has passed, the remaining rules are skipped, except
    /// the one that applies suppression comments, and one limit-exceeded finding names them.
    /// </summary>
    public static AnalysisResult Analyze(IReadOnlyList<SpecFile> files, IReadOnlyList<Rule>? rules = null, TimeSpan? timeLimit = null)
    {
        var clock = Stopwatch.StartNew();
        var model = new WorkspaceModel(files);
        var diagnostics = new List<Diagnostic>();
        var context = new RuleContext(model, diagnostics);
        var limit = timeLimit ?? AnalysisLimits.AnalysisTime;
        var ran = 0;
        foreach (var rule in rules ?? RuleCatalog.All)
        {
            if (ran > 0 && clock.Elapsed >= limit && rule is not UnusedSuppressionRule)
            {
                context.Skipped.Add(rule.Id);
                continue;
            }
            ran++;
            Run(rule, context, diagnostics, files);
        }
        if (context.Skipped.Count > 0 && files.Count > 0)
        {
            var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            context.Add(files[0], new Text.TextSpan(0, 0), DiagnosticSeverity.Error,
                $"The analysis ran longer than {seconds} s, its time limit, so {context.Skipped.Count} rule(s) did not run " +
                $"and their findings are missing: {string.Join(", ", context.Skipped)}.",
                LimitExceededRule.RuleId);
        }
        diagnostics.Sort(CompareDiagnostics);
        return new AnalysisResult(model, diagnostics);
    }

    private static void Run(Rule rule, RuleContext context, List<Diagnostic> diagnostics, IReadOnlyList<SpecFile> files)
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
