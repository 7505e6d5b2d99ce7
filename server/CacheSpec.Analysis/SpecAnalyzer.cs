using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Rules.Structure;

namespace CacheSpec.Analysis;

/// <summary>
/// The engine's front door: files in, model and diagnostics out. The command line and the language server both call it,
/// so they report the same findings. It never throws on user input, a rule that fails becomes one internal-error
/// finding, and the work it does is bounded by <see cref="AnalysisLimits"/>.
/// </summary>
public static class SpecAnalyzer
{
    /// <summary>
    /// Parses, binds and checks the given files (path and text) as one workspace, with a host of its own.
    /// </summary>
    public static AnalysisResult Analyze(IEnumerable<(string Path, string Text)> files,
        GuidanceProfile? profileOverride = null)
    {
        var host = new AnalysisHost();
        return host.Analyze(files.Select(file => host.File(file.Path, file.Text, profileOverride)).ToArray());
    }

    /// <summary>Checks already parsed files as one workspace (a host may keep unchanged files between runs).</summary>
    public static AnalysisResult Analyze(IReadOnlyList<SpecFile> files, IReadOnlyList<Rule>? rules = null,
        TimeSpan? timeLimit = null) =>
        Analyze(new WorkspaceModel(files), rules, timeLimit);

    /// <summary>
    /// Checks a workspace model built beforehand (an editor host builds it first for completion, which needs no rules).
    /// The time limit (by default <see cref="AnalysisLimits.AnalysisTime"/>) is checked before each rule starts: once
    /// it has passed, the remaining rules are skipped, except those that read earlier findings (the one that applies
    /// suppression comments), and one limit-exceeded finding names them.
    /// </summary>
    public static AnalysisResult Analyze(WorkspaceModel model, IReadOnlyList<Rule>? rules = null,
        TimeSpan? timeLimit = null) =>
        Analyze(model, rules,
            timeLimit is { } time ? AnalysisOptions.Default with { AnalysisTime = time } : AnalysisOptions.Default);

    /// <summary>
    /// The same with a host's options: its time limit, and the text from which rules run on every core.
    /// </summary>
    internal static AnalysisResult Analyze(WorkspaceModel model, IReadOnlyList<Rule>? rules, AnalysisOptions options)
    {
        var budget = AnalysisBudget.Start(options);
        var files = model.Files;
        var catalog = rules ?? RuleCatalog.All;
        var independent = catalog.Where(rule => !rule.ReadsEarlierFindings).ToArray();
        var findings = new List<Diagnostic>?[independent.Length];
        var stopped = new bool[independent.Length];
        var started = 0;
        void RunIndependent(int index)
        {
            // The first rule to start always runs; a null list marks a rule skipped for time.
            if (Interlocked.Increment(ref started) == 1 || !budget.IsSpent)
            {
                // Syntax errors and limits are reported whole once their rule runs: they say what was not checked.
                var rule = independent[index];
                var context = new RuleContext(model, new List<Diagnostic>(),
                    RuleCatalog.CannotBeSilenced(rule.Id) ? budget.WithoutDeadline() : budget);
                (findings[index], stopped[index]) = (context.Diagnostics, !Run(rule, context));
            }
        }
        if (files.Sum(file => (long)file.Text.Length) >= options.ParallelThreshold)
        {
            Parallel.For(0, independent.Length, RunIndependent);
        }
        else
        {
            for (var index = 0; index < independent.Length; index++)
            {
                RunIndependent(index);
            }
        }
        var diagnostics = new List<Diagnostic>(findings.Sum(list => list?.Count ?? 0));
        var context = new RuleContext(model, diagnostics, budget.WithoutDeadline());
        for (var index = 0; index < independent.Length; index++)
        {
            if (findings[index] is { } list)
            {
                diagnostics.AddRange(list);
            }
            (stopped[index] ? context.CutShort : findings[index] is null ? context.Skipped : null)
                ?.Add(independent[index].Id);
        }
        foreach (var rule in catalog.Where(rule => rule.ReadsEarlierFindings))
        {
            Run(rule, context);
        }
        if ((context.Skipped.Count > 0 || context.CutShort.Count > 0) && files.Count > 0)
        {
            context.Add(files[0], new Text.TextSpan(0, 0), DiagnosticSeverity.Error, TimeLimitMessage(context, budget),
                LimitExceededRule.RuleId);
        }
        diagnostics.Sort(CompareDiagnostics);
        return new AnalysisResult(model, FindingsCap.Apply(diagnostics, files, CompareDiagnostics));
    }

    private static string TimeLimitMessage(RuleContext context, AnalysisBudget budget)
    {
        var stoppedPart = context.CutShort.Count == 0 ? string.Empty
            : $"{context.CutShort.Count} rule(s) were stopped before they finished and some of their findings are " +
                $"missing: {string.Join(", ", context.CutShort)}";
        var skippedPart = context.Skipped.Count == 0 ? string.Empty
            : $"{context.Skipped.Count} rule(s) did not run and their findings are missing: " +
                string.Join(", ", context.Skipped);
        var parts = string.Join("; ", new[] { stoppedPart, skippedPart }.Where(part => part.Length > 0));
        return $"The analysis ran longer than {budget.TimeText}, its time limit, so {parts}.";
    }

    /// <summary>
    /// Runs one rule into its context's list; a rule that throws leaves one internal-error finding instead of its
    /// partial findings. False when the time limit stopped the rule (what it reported before stays).
    /// </summary>
    private static bool Run(Rule rule, RuleContext context)
    {
        var diagnostics = context.Diagnostics;
        var before = diagnostics.Count;
        context.Current = rule;
        try
        {
            rule.Analyze(context);
        }
        catch (OperationCanceledException) when (context.Budget.IsSpent)
        {
            return false;
        }
        catch (Exception exception)
        {
            if (diagnostics.Count > before)
            {
                diagnostics.RemoveRange(before, diagnostics.Count - before);
            }
            if (context.Model.Files is [var file, ..])
            {
                context.Add(file, new Text.TextSpan(0, 0), DiagnosticSeverity.Error,
                    $"The rule '{rule.Id}' failed ({exception.GetType().Name}: {exception.Message}); its findings " +
                        "are missing. Please report this.",
                    RuleCatalog.InternalErrorId);
            }
        }
        return true;
    }

    private static int CompareDiagnostics(Diagnostic a, Diagnostic b)
    {
        var byPath = string.CompareOrdinal(a.Path, b.Path);
        if (byPath != 0)
        {
            return byPath;
        }
        // A file's syntax errors come first: what follows them is read from a text the author has not finished.
        var bySyntax = IsSyntaxError(b).CompareTo(IsSyntaxError(a));
        if (bySyntax != 0)
        {
            return bySyntax;
        }
        var byStart = a.Span.Start.CompareTo(b.Span.Start);
        if (byStart != 0)
        {
            return byStart;
        }
        var byEnd = a.Span.End.CompareTo(b.Span.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Code, b.Code);
    }

    private static bool IsSyntaxError(Diagnostic diagnostic) => diagnostic.Code == YamlSyntaxRule.RuleId;
}
