using System.Collections.Frozen;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Rules.Incremental;

namespace CacheSpec.Analysis;

/// <summary>
/// A host's analyses, each computed from the one before it: the changed files are checked whole; in the others, only
/// the units (caches, networks, NSGs, injected subnets) that depend on a key the change touched
/// (<see cref="ItemDependencies"/>) are checked again by the rules that read across items, and every other file keeps
/// its findings, the very same arrays. The result equals a fresh analysis (<c>IncrementalAnalysisTests</c>); a large
/// change, a failed rule or the time limit falls back to one.
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
    private WorkspaceModel? model;

    /// <summary>False when the last analysis kept nothing to start from (two files shared a path).</summary>
    private bool keeps;

    /// <summary>Each file's findings before suppressions, with the unit each was reported for.</summary>
    private Dictionary<string, Attributed[]> raw = new(StringComparer.Ordinal);

    /// <summary>The paths where each unit's findings lie (units with findings only).</summary>
    private Dictionary<object, HashSet<string>> placed = new(ReferenceEqualityComparer.Instance);

    private LayeredTable<string, Diagnostic[]> final = new(new Dictionary<string, Diagnostic[]>());
    private DependencyIndex? index;

    /// <summary>A finding before suppressions and the unit it was reported for (null: a rule of one file).</summary>
    private readonly record struct Attributed(Diagnostic Finding, object? Unit);

    /// <summary>How the last analysis was made (for tests and benchmarks): fresh, or how many files and units it
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
            // With fewer files, one changed file is already too large a share: the next analysis is fresh anyway.
            if (keeps && model is not null && model.Files.Count + 1 >= FullAnalysisShare)
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
                return Logged(new AnalysisResult(next, final), new HashSet<string>());
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
        keeps = run.IsComplete && Enumerable.Range(1, Math.Max(0, next.Files.Count - 1))
            .All(at => string.CompareOrdinal(next.Files[at - 1].Path, next.Files[at].Path) < 0);
        model = next;
        final = result.ByPathMap;
        raw = new(StringComparer.Ordinal);
        placed = new(ReferenceEqualityComparer.Instance);
        if (keeps)
        {
            Store(Attribute(run), next.Files.Select(file => file.Path));
        }
        index = null;
        LastRun = (true, next.Files.Count, 0);
        return Logged(result, null);
    }

    /// <summary>How many analyses' changed paths the log keeps.</summary>
    private const int LogLength = 256;

    /// <summary>Each recent analysis's number and the paths whose findings it may have changed (null: any).</summary>
    private readonly Queue<(long Generation, IReadOnlySet<string>? Paths)> log = new();
    private long generation;
    private readonly Func<long, long, IReadOnlySet<string>?> pathsChanged;

    public IncrementalAnalyzer() => pathsChanged = PathsChanged;

    /// <summary>Numbers a result and logs the paths whose findings it may have changed since the last one.</summary>
    private AnalysisResult Logged(AnalysisResult result, IReadOnlySet<string>? paths)
    {
        result.Origin = (++generation, pathsChanged);
        log.Enqueue((generation, paths));
        if (log.Count > LogLength)
        {
            log.Dequeue();
        }
        return result;
    }

    /// <summary>
    /// The paths whose findings may differ between two results of this analyzer; null when that is not known (a fresh
    /// analysis between them, or one too old for the log).
    /// </summary>
    public IReadOnlySet<string>? PathsChanged(long since, long until)
    {
        lock (gate)
        {
            if (since > until || log.Count == 0 || log.Peek().Generation > since + 1)
            {
                return null;
            }
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (number, changed) in log)
            {
                if (number > since && number <= until)
                {
                    if (changed is null)
                    {
                        return null;
                    }
                    paths.UnionWith(changed);
                }
            }
            return paths;
        }
    }

    /// <summary>The file of the model at a path (its files are in path order), or null.</summary>
    private static SpecFile? FileAt(WorkspaceModel model, string path)
    {
        var files = model.Files;
        int low = 0, high = files.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = string.CompareOrdinal(files[middle].Path, path);
            if (order == 0)
            {
                return files[middle];
            }
            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }
        return null;
    }

    private static List<Attributed> Attribute(SpecAnalyzer.IndependentRun run) =>
        run.Findings.Select((finding, at) => new Attributed(finding,
            CrossingRules.Contains(finding.Code) ? run.Units[at] : null)).ToList();

    /// <summary>Sets the raw findings of the given paths to the given ones, and notes where each unit's lie.</summary>
    private void Store(IEnumerable<Attributed> findings, IEnumerable<string> paths)
    {
        var byPath = paths.ToDictionary(path => path, _ => new List<Attributed>(), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (byPath.TryGetValue(finding.Finding.Path, out var list))
            {
                list.Add(finding);
            }
        }
        foreach (var (path, list) in byPath)
        {
            if (raw.TryGetValue(path, out var old))
            {
                Unplace(old, path);
            }
            if (list.Count == 0)
            {
                raw.Remove(path);
                continue;
            }
            raw[path] = list.ToArray();
            foreach (var unit in list.Select(finding => finding.Unit).OfType<object>())
            {
                if (!placed.TryGetValue(unit, out var where))
                {
                    placed[unit] = where = new HashSet<string>(StringComparer.Ordinal);
                }
                where.Add(path);
            }
        }
    }

    private void Unplace(Attributed[] findings, string path)
    {
        foreach (var unit in findings.Select(finding => finding.Unit).OfType<object>())
        {
            if (placed.TryGetValue(unit, out var paths) && paths.Remove(path) && paths.Count == 0)
            {
                placed.Remove(unit);
            }
        }
    }

    /// <summary>
    /// Checks the changed files whole and, for the rules that read across items, the units the change reaches in
    /// the others (those that depend on a changed key, and those whose findings lie in a changed file); their findings
    /// replace the old ones wherever they lie. Null when a rule failed or ran out of time (a fresh analysis then
    /// reports it as usual).
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
        foreach (var path in changedPaths)
        {
            // Findings in a changed file are placed again: its offsets moved.
            foreach (var finding in raw.GetValueOrDefault(path) ?? [])
            {
                if (finding.Unit is { } unit)
                {
                    reached.Add(unit);
                }
            }
        }
        reached.RemoveWhere(unit => changedPaths.Contains(ItemDependencies.FileOf(unit).Path));
        var changedFiles = changes.Select(change => change.After).OfType<SpecFile>()
            .OrderBy(file => file.Path, StringComparer.Ordinal).ToArray();
        var rerun = reached.ToList();
        var units = changedFiles.SelectMany(ItemDependencies.UnitsOf).Concat(rerun).ToArray();
        // The paths whose findings change: the changed files, and wherever the units checked again had or will have
        // findings.
        var replaced = changes.Select(change => change.Before).OfType<SpecFile>()
            .SelectMany(ItemDependencies.UnitsOf).Concat(rerun).ToHashSet(ReferenceEqualityComparer.Instance);
        var paths = new HashSet<string>(changedPaths, StringComparer.Ordinal);
        foreach (var unit in replaced)
        {
            paths.UnionWith(placed.GetValueOrDefault(unit) ?? []);
        }
        var scope = RuleScope.After(next, changedFiles, units, []);
        var budget = AnalysisBudget.Start(options);
        var run = SpecAnalyzer.RunIndependent(next, RuleCatalog.All, scope, budget,
            parallel: changedFiles.Sum(file => (long)file.Text.Length) >= options.ParallelThreshold);
        if (!run.IsComplete)
        {
            return null;
        }
        var found = Attribute(run);
        paths.UnionWith(found.Select(finding => finding.Finding.Path));
        var current = paths.Select(path => FileAt(next, path)).OfType<SpecFile>()
            .ToDictionary(file => file.Path, StringComparer.Ordinal);
        paths.RemoveWhere(path => !current.ContainsKey(path) && !changedPaths.Contains(path));
        // In an unchanged file, what a unit not checked again found there stays; so does every one-file rule's.
        var kept = paths.Where(path => !changedPaths.Contains(path))
            .SelectMany(path => raw.GetValueOrDefault(path) ?? [])
            .Where(finding => finding.Unit is null || !replaced.Contains(finding.Unit));
        Store(kept.Concat(found).ToList(), paths);
        var findingFiles = paths.Where(current.ContainsKey).Order(StringComparer.Ordinal)
            .Select(path => current[path]).ToArray();
        var merged = findingFiles.SelectMany(file => raw.GetValueOrDefault(file.Path) ?? [])
            .Select(finding => finding.Finding);
        var finished = AnalysisResult.ByPath(SpecAnalyzer.Finish(next, RuleCatalog.All,
            RuleScope.After(next, changedFiles, [], findingFiles), run, merged, budget));
        var nextFinal = final.With(paths.Select(path =>
        {
            // Findings that did not change keep their array, so a reader can tell them unchanged at a glance.
            var findings = finished.GetValueOrDefault(path);
            var earlier = final.GetValueOrDefault(path);
            return new KeyValuePair<string, Diagnostic[]?>(path,
                findings is null ? null : earlier is not null && earlier.AsSpan().SequenceEqual(findings) ? earlier
                    : findings);
        }));
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
        foreach (var unit in rerun)
        {
            index.Set(unit, next);
        }
        model = next;
        final = nextFinal;
        LastRun = (false, changedFiles.Length, rerun.Count);
        return Logged(new AnalysisResult(next, nextFinal), paths);
    }
}
