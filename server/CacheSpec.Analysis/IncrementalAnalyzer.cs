using System.Collections.Frozen;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Rules.Incremental;

namespace CacheSpec.Analysis;

/// <summary>
/// A host's analyses, each computed from the one before it: the changed files are checked whole; in the others, only
/// the items that depend on a key the change touched (<see cref="ItemDependencies"/>) are checked again by the rules
/// that read across items, and every other file keeps its findings, the very same arrays. The result equals a fresh
/// analysis (<c>IncrementalAnalysisTests</c>); a large change, a failed rule or the time limit falls back to one.
/// </summary>
internal sealed class IncrementalAnalyzer
{
    /// <summary>
    /// Above this share of the files changed at once, a fresh analysis costs less than following keys.
    /// </summary>
    private const int FullAnalysisShare = 4;

    private static readonly FrozenSet<string> CrossingRules = RuleCatalog.All
        .Where(rule => rule.Reads is RuleInputs.ItemAndReferences or RuleInputs.InjectedSubnet or RuleInputs.Model)
        .Select(rule => rule.Id).ToFrozenSet(StringComparer.Ordinal);

    private readonly object gate = new();
    /// <summary>False when the last analysis kept nothing to start from (two files shared a path).</summary>
    private bool keeps;
    private WorkspaceModel? model;
    private Dictionary<string, Diagnostic[]> raw = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, Diagnostic[]> final = new Dictionary<string, Diagnostic[]>();
    private DependencyIndex? index;

    /// <summary>How the last analysis was made (for tests and benchmarks): fresh, or how many files and items it
    /// checked again.</summary>
    public (bool Fresh, int ChangedFiles, int AffectedItems) LastRun { get; private set; }

    /// <summary>
    /// Builds what the next incremental analysis needs (the dependency index of the last model) ahead of it, so the
    /// first keystroke after a fresh analysis does not wait for it.
    /// </summary>
    public void Prepare()
    {
        lock (gate)
        {
            if (keeps && model is not null)
            {
                index ??= DependencyIndex.Build(model);
            }
        }
    }

    public AnalysisResult Analyze(WorkspaceModel next, AnalysisOptions options)
    {
        lock (gate)
        {
            if (!keeps || model is null || FileChanges.Between(model.Files, next.Files) is not { } changes)
            {
                return Fresh(next, options);
            }
            if (changes.Count == 0)
            {
                model = next;
                LastRun = (false, 0, 0);
                return new AnalysisResult(next, final);
            }
            if (changes.Count * FullAnalysisShare > next.Files.Count + 1)
            {
                return Fresh(next, options);
            }
            return Incremental(next, changes, options) ?? Fresh(next, options);
        }
    }

    private AnalysisResult Fresh(WorkspaceModel next, AnalysisOptions options)
    {
        var scope = RuleScope.Everything(next);
        var budget = AnalysisBudget.Start(options);
        var run = SpecAnalyzer.RunIndependent(next, RuleCatalog.All, scope, budget,
            parallel: next.Files.Sum(file => (long)file.Text.Length) >= options.ParallelThreshold);
        var result = new AnalysisResult(next, SpecAnalyzer.Finish(next, RuleCatalog.All, scope, run, run.Findings,
            budget));
        // Paths name files: two files under one path cannot be told apart by their findings, so nothing is kept. The
        // next analysis finds what changed by walking both lists in path order.
        var unique = Enumerable.Range(1, Math.Max(0, next.Files.Count - 1))
            .All(at => string.CompareOrdinal(next.Files[at - 1].Path, next.Files[at].Path) < 0);
        keeps = unique;
        model = next;
        final = result.ByPathMap;
        raw = unique ? Group(run.Findings) : new(StringComparer.Ordinal);
        index = null;
        LastRun = (true, next.Files.Count, 0);
        return result;
    }

    private static Dictionary<string, Diagnostic[]> Group(IEnumerable<Diagnostic> findings)
    {
        var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!byPath.TryGetValue(finding.Path, out var list))
            {
                byPath[finding.Path] = list = new List<Diagnostic>();
            }
            list.Add(finding);
        }
        return byPath.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Checks the changed files whole and the items the change reaches in the others, and merges their findings into
    /// the last analysis's; null when a rule failed or ran out of time (a fresh analysis then reports it as usual).
    /// </summary>
    private AnalysisResult? Incremental(WorkspaceModel next, List<(SpecFile? Before, SpecFile? After)> changes,
        AnalysisOptions options)
    {
        index ??= DependencyIndex.Build(model!);
        var changedKeys = new HashSet<DependencyKey>();
        var changedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (before, after) in changes)
        {
            ChangedKeys.Add(before, after, changedKeys);
            changedPaths.Add((before ?? after)!.Path);
        }
        var reached = index.DependentsOf(changedKeys);
        reached.RemoveWhere(item => changedPaths.Contains(FileOf(item).Path));
        // In a file with anchors a finding may lie in the anchor rather than in the item that reads it: such a file
        // is checked again whole by the rules that read across items.
        var wholeFiles = reached.Select(FileOf).Where(file => file.Syntax.HasAnchors).ToHashSet();
        reached.UnionWith(wholeFiles.SelectMany(ItemDependencies.ItemsOf));
        var affected = reached.ToList();
        var changedFiles = changes.Select(change => change.After).OfType<SpecFile>()
            .OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();
        var affectedFiles = affected.Select(FileOf).Distinct().ToArray();
        var findingFiles = changedFiles.Concat(affectedFiles).OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToArray();
        var scope = RuleScope.After(next, changedFiles, affected, findingFiles);
        var budget = AnalysisBudget.Start(options);
        var run = SpecAnalyzer.RunIndependent(next, RuleCatalog.All, scope, budget,
            parallel: changedFiles.Sum(file => (long)file.Text.Length) >= options.ParallelThreshold);
        if (!run.IsComplete)
        {
            return null;
        }
        var found = Group(run.Findings);
        foreach (var (before, after) in changes)
        {
            raw.Remove(before?.Path ?? string.Empty);
            if (after is not null && found.TryGetValue(after.Path, out var findings))
            {
                raw[after.Path] = findings;
            }
        }
        foreach (var items in affected.GroupBy(FileOf))
        {
            var file = items.Key;
            raw[file.Path] = Merge(raw.GetValueOrDefault(file.Path), found.GetValueOrDefault(file.Path),
                items.Select(item => SyntaxOf(item).Span).ToArray(), wholeFiles.Contains(file));
        }
        var merged = findingFiles.SelectMany(file => raw.GetValueOrDefault(file.Path) ?? []);
        var finished = AnalysisResult.ByPath(SpecAnalyzer.Finish(next, RuleCatalog.All, scope, run, merged, budget));
        var nextFinal = new Dictionary<string, Diagnostic[]>(final, StringComparer.Ordinal);
        foreach (var (before, _) in changes)
        {
            nextFinal.Remove(before?.Path ?? string.Empty);
        }
        foreach (var file in findingFiles)
        {
            if (finished.TryGetValue(file.Path, out var findings))
            {
                // Findings that did not change keep their array, so a reader can tell them unchanged at a glance.
                nextFinal[file.Path] = final.TryGetValue(file.Path, out var earlier)
                    && earlier.AsSpan().SequenceEqual(findings) ? earlier : findings;
            }
            else
            {
                nextFinal.Remove(file.Path);
            }
        }
        foreach (var (before, after) in changes)
        {
            if (before is not null)
            {
                index.RemoveFile(before);
            }
            if (after is not null)
            {
                index.AddFile(after, next);
            }
        }
        foreach (var item in affected)
        {
            index.Set(item, next);
        }
        model = next;
        final = nextFinal;
        LastRun = (false, changedFiles.Length, affected.Count);
        return new AnalysisResult(next, nextFinal);
    }

    /// <summary>
    /// A file's findings before suppressions after its affected items were checked again: what the rules that read
    /// across items found in those items replaces what they found there before.
    /// </summary>
    private static Diagnostic[] Merge(Diagnostic[]? before, Diagnostic[]? found, Text.TextSpan[] spans, bool whole)
    {
        bool Replaced(Diagnostic finding) =>
            CrossingRules.Contains(finding.Code)
            && (whole || Array.Exists(spans, span => span.Start <= finding.Span.Start && finding.Span.End <= span.End));
        return (before ?? []).Where(finding => !Replaced(finding))
            .Concat((found ?? []).Where(Replaced))
            .ToArray();
    }

    private static SpecFile FileOf(object item) => item switch
    {
        NetworkModel network => network.Document.File,
        NsgModel nsg => nsg.Document.File,
        CacheModel cache => cache.Document.File,
        _ => throw new ArgumentException($"Not an item: {item.GetType().Name}", nameof(item)),
    };

    private static Syntax.MappingSyntax SyntaxOf(object item) => item switch
    {
        NetworkModel network => network.Syntax,
        NsgModel nsg => nsg.Syntax,
        CacheModel cache => cache.Syntax,
        _ => throw new ArgumentException($"Not an item: {item.GetType().Name}", nameof(item)),
    };
}
