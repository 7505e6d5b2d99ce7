using System.Collections.Immutable;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// An immutable state of every spec the server knows. Each request reads one snapshot; each change makes a new one.
/// The analysis of the whole workspace is computed once per snapshot, when first asked for.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<AnalysisResult> analysis;

    public WorkspaceSnapshot(ImmutableDictionary<string, DocumentState> documents, long generation)
    {
        Documents = documents;
        Generation = generation;
        analysis = new Lazy<AnalysisResult>(() => SpecAnalyzer.Analyze(documents.Values.Select(document => document.File).ToArray()), isThreadSafe: true);
    }

    public static WorkspaceSnapshot Empty { get; } = new(ImmutableDictionary<string, DocumentState>.Empty, 0);

    /// <summary>Documents by normalized URI.</summary>
    public ImmutableDictionary<string, DocumentState> Documents { get; }

    public long Generation { get; }

    public AnalysisResult Analysis => analysis.Value;

    public DocumentState? Find(string uri) => Documents.GetValueOrDefault(Conversion.LspConverter.Normalize(uri));
}
