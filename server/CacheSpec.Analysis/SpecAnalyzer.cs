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
        var catalog = rules ?? RuleCatalog.All;
        var scope = RuleScope.Everything(model);
        var budget = AnalysisBudget.Start(options);
        var run = RunIndependent(model, catalog, scope, budget,
            parallel: model.Files.Sum(file => (long)file.Text.Length) >= options.ParallelThreshold);
        return new AnalysisResult(model, Finish(model, catalog, scope, run, run.Findings, budget));
    }

    /// <summary>What the independent rules of one analysis found, before suppressions, and which the time limit
    /// stopped or skipped (in catalog order).</summary>
    internal sealed record IndependentRun(List<Diagnostic> Findings, List<object?> Units, List<string> CutShort,
        List<string> Skipped)
    {
        /// <summary>True when every rule ran to its end without failing.</summary>
        public bool IsComplete => CutShort.Count == 0 && Skipped.Count == 0
            && !Findings.Exists(finding => finding.Code == RuleCatalog.InternalErrorId);
    }

    /// <summary>
    /// Runs every rule that reads no other rule's findings over the scope, one after another or all at once. The time
    /// limit is checked before each rule starts and inside its loops.
    /// </summary>
    internal static IndependentRun RunIndependent(WorkspaceModel model, IReadOnlyList<Rule> catalog, RuleScope scope,
        AnalysisBudget budget, bool parallel)
    {
        var independent = catalog.Where(rule => !rule.ReadsEarlierFindings).ToArray();
        var findings = new List<Diagnostic>?[independent.Length];
        var units = new List<object?>?[independent.Length];
        var stopped = new bool[independent.Length];
        var started = 0;
        void RunOne(int index)
        {
            // The first rule to start always runs; a null list marks a rule skipped for time.
            if (Interlocked.Increment(ref started) == 1 || !budget.IsSpent)
            {
                // Syntax errors and limits are reported whole once their rule runs: they say what was not checked.
                var rule = independent[index];
                var context = new RuleContext(model, new List<Diagnostic>(),
                    RuleCatalog.CannotBeSilenced(rule.Id) ? budget.WithoutDeadline() : budget, scope);
                (findings[index], stopped[index]) = (context.Diagnostics, !Run(rule, context));
                units[index] = context.Units;
            }
        }
        if (parallel)
        {
            Parallel.For(0, independent.Length, RunOne);
        }
        else
        {
            for (var index = 0; index < independent.Length; index++)
            {
                RunOne(index);
            }
        }
        var count = findings.Sum(list => list?.Count ?? 0);
        var run = new IndependentRun(new List<Diagnostic>(count), new List<object?>(count), new(), new());
        for (var index = 0; index < independent.Length; index++)
        {
            if (findings[index] is { } list)
            {
                run.Findings.AddRange(list);
                run.Units.AddRange(units[index]!);
            }
            (stopped[index] ? run.CutShort : findings[index] is null ? run.Skipped : null)?.Add(independent[index].Id);
        }
        return run;
    }

    /// <summary>
    /// Applies the rules that read the others' findings (suppressions) to the findings of the scope's finding files,
    /// adds the time limit's finding, sorts, and caps each file's findings.
    /// </summary>
    internal static List<Diagnostic> Finish(WorkspaceModel model, IReadOnlyList<Rule> catalog, RuleScope scope,
        IndependentRun run, IEnumerable<Diagnostic> findings, AnalysisBudget budget)
    {
        var diagnostics = new List<Diagnostic>(findings);
        var context = new RuleContext(model, diagnostics, budget.WithoutDeadline(), scope);
        context.CutShort.AddRange(run.CutShort);
        context.Skipped.AddRange(run.Skipped);
        foreach (var rule in catalog.Where(rule => rule.ReadsEarlierFindings))
        {
            Run(rule, context);
        }
        if ((context.Skipped.Count > 0 || context.CutShort.Count > 0) && model.Files.Count > 0)
        {
            context.Add(model.Files[0], new Text.TextSpan(0, 0), DiagnosticSeverity.Error,
                TimeLimitMessage(context, budget), LimitExceededRule.RuleId);
        }
        diagnostics.Sort(CompareDiagnostics);
        return FindingsCap.Apply(diagnostics, model.Files, CompareDiagnostics);
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
                context.Units.RemoveRange(before, context.Units.Count - before);
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

    internal static int CompareDiagnostics(Diagnostic a, Diagnostic b)
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
        if (byEnd != 0)
        {
            return byEnd;
        }
        // A total order: findings that tie on place and rule (one NSG rule blocking two subnets) come out the same
        // however they were gathered.
        var byCode = string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
    }

    private static bool IsSyntaxError(Diagnostic diagnostic) => diagnostic.Code == YamlSyntaxRule.RuleId;
}
