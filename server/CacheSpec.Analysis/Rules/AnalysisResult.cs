using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The outcome of analysing a workspace: the model and every diagnostic, ordered by path and position. An incremental
/// analysis shares the findings of the files it did not touch with the result before it: the very same arrays.
/// </summary>
public sealed class AnalysisResult
{
    private readonly LayeredTable<string, Diagnostic[]> byPath;
    private IReadOnlyList<Diagnostic>? diagnostics;

    public AnalysisResult(WorkspaceModel model, IReadOnlyList<Diagnostic> diagnostics)
        : this(model, new LayeredTable<string, Diagnostic[]>(ByPath(diagnostics)))
    {
        this.diagnostics = diagnostics;
    }

    /// <summary>A result from each file's sorted findings (files with none left out).</summary>
    internal AnalysisResult(WorkspaceModel model, LayeredTable<string, Diagnostic[]> byPath)
    {
        Model = model;
        this.byPath = byPath;
    }

    public WorkspaceModel Model { get; }

    /// <summary>Every finding, by path (ordinal) and then in each file's order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics ??= byPath.Entries
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .SelectMany(pair => pair.Value)
        .ToArray();

    /// <summary>The findings of one file, in order; the same array as long as they did not change.</summary>
    public IReadOnlyList<Diagnostic> For(string path) =>
        byPath.TryGetValue(path, out var findings) ? findings : Array.Empty<Diagnostic>();

    internal LayeredTable<string, Diagnostic[]> ByPathMap => byPath;

    /// <summary>
    /// Where this result comes from, when an incremental analyzer made it: its number there, and what the analyzer
    /// knows of the paths changed between two of its numbers.
    /// </summary>
    internal (long Generation, Func<long, long, IReadOnlySet<string>?> PathsChanged)? Origin { get; set; }

    /// <summary>
    /// The paths whose findings may differ from an earlier result's (the result a reader last showed); null when that
    /// is not known, and every path must be compared.
    /// </summary>
    public IReadOnlySet<string>? PathsChangedSince(AnalysisResult earlier) =>
        Origin is { } origin && earlier.Origin is { } before && before.PathsChanged == origin.PathsChanged
            ? origin.PathsChanged(before.Generation, origin.Generation) : null;

    /// <summary>Groups findings sorted by path into one array per path.</summary>
    internal static Dictionary<string, Diagnostic[]> ByPath(IReadOnlyList<Diagnostic> sorted)
    {
        var groups = new Dictionary<string, Diagnostic[]>(StringComparer.Ordinal);
        for (var start = 0; start < sorted.Count;)
        {
            var end = start + 1;
            while (end < sorted.Count && sorted[end].Path == sorted[start].Path)
            {
                end++;
            }
            var group = new Diagnostic[end - start];
            for (var index = start; index < end; index++)
            {
                group[index - start] = sorted[index];
            }
            // Findings of one path not side by side (a list not sorted by path) are joined, in their order.
            groups[sorted[start].Path] = groups.TryGetValue(sorted[start].Path, out var earlier)
                ? [.. earlier, .. group] : group;
            start = end;
        }
        return groups;
    }
}
