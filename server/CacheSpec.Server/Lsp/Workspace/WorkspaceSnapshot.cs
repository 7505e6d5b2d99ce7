using System.Collections.Immutable;
using CacheSpec.Analysis;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// An immutable state of every spec the server knows: the editor's view of each document (URI, version, open or not) and the engine's
/// snapshot of their files, which answers every question. Each request reads one snapshot; each change makes a new one.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public WorkspaceSnapshot(AnalysisHost host, ImmutableDictionary<string, DocumentState> documents, long generation)
    {
        Documents = documents;
        Generation = generation;
        Engine = host.Snapshot(documents.Values.Select(document => document.File));
    }

    public static WorkspaceSnapshot Empty(AnalysisHost host) => new(host, ImmutableDictionary<string, DocumentState>.Empty, 0);

    /// <summary>Documents by normalized URI.</summary>
    public ImmutableDictionary<string, DocumentState> Documents { get; }

    public long Generation { get; }

    /// <summary>The engine's snapshot of the documents' files (a file's path is its document's URI).</summary>
    public AnalysisSnapshot Engine { get; }

    public DocumentState? Find(string uri) => Documents.GetValueOrDefault(Conversion.LspConverter.Normalize(uri));
}
