using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// The outcome of analysing a workspace: the model and every diagnostic, ordered by path and position.
/// </summary>
public sealed class AnalysisResult
{
    private readonly ILookup<string, Diagnostic> byPath;

    public AnalysisResult(WorkspaceModel model, IReadOnlyList<Diagnostic> diagnostics)
    {
        Model = model;
        Diagnostics = diagnostics;
        byPath = diagnostics.ToLookup(diagnostic => diagnostic.Path, StringComparer.Ordinal);
    }

    public WorkspaceModel Model { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IEnumerable<Diagnostic> For(string path) => byPath[path];
}
