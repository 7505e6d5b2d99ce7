using System.Collections.Immutable;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// An immutable state of every spec the server knows. Each request reads one snapshot; each change makes a new one.
/// The analysis of the whole workspace is computed once per snapshot, when first asked for.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<WorkspaceModel> model;
    private readonly Lazy<AnalysisResult> analysis;
    private readonly Lazy<SymbolIndex> symbols;

    public WorkspaceSnapshot(AnalysisHost host, ImmutableDictionary<string, DocumentState> documents, long generation)
    {
        Documents = documents;
        Generation = generation;
        // Files are analysed in URI order, as the command line orders paths: which of two duplicates is "first" must not depend on hashing.
        model = new Lazy<WorkspaceModel>(
            () => host.Model(documents.Values.OrderBy(document => document.Uri, StringComparer.Ordinal).Select(document => document.File).ToArray()),
            isThreadSafe: true);
        analysis = new Lazy<AnalysisResult>(() => host.Analyze(Model), isThreadSafe: true);
        symbols = new Lazy<SymbolIndex>(() => new SymbolIndex(Model), isThreadSafe: true);
    }

    public static WorkspaceSnapshot Empty(AnalysisHost host) => new(host, ImmutableDictionary<string, DocumentState>.Empty, 0);

    /// <summary>Documents by normalized URI.</summary>
    public ImmutableDictionary<string, DocumentState> Documents { get; }

    public long Generation { get; }

    /// <summary>Every file's names and objects, without the rules' findings: all that completion, hints and navigation need.</summary>
    public WorkspaceModel Model => model.Value;

    /// <summary>The model and every rule's findings, computed once, when first asked for.</summary>
    public AnalysisResult Analysis => analysis.Value;

    /// <summary>Declarations and references of every named thing, for navigation and rename.</summary>
    public SymbolIndex Symbols => symbols.Value;

    public DocumentState? Find(string uri) => Documents.GetValueOrDefault(Conversion.LspConverter.Normalize(uri));
}
