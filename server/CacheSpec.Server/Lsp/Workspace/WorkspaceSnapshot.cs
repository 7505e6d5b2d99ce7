using System.Collections.Immutable;
using CacheSpec.Analysis;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// An immutable state of every spec the server knows: the engine's snapshot of the files, which answers every question,
/// and the editor's view of each (URI, version, open or not), by normalized URI. Each request reads one snapshot; each
/// change makes a new one.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public WorkspaceSnapshot(AnalysisSnapshot engine, ImmutableDictionary<string, EditorState> editor, long generation)
    {
        Engine = engine;
        Editor = editor;
        Generation = generation;
    }

    /// <summary>
    /// The engine's snapshot of the documents' files (a file's path is the URI its document was first named by).
    /// </summary>
    public AnalysisSnapshot Engine { get; }

    /// <summary>The editor's view of each document, by normalized URI.</summary>
    public ImmutableDictionary<string, EditorState> Editor { get; }

    public long Generation { get; }

    /// <summary>A document by its URI (any spelling of it): the editor's view beside the file.</summary>
    public DocumentState? Find(DocumentUri uri)
    {
        var key = uri.Key;
        return Editor.TryGetValue(key, out var state)
            ? new DocumentState(state.Uri, state.Version, Engine.Files[key], state.IsOpen, state.IsOutOfSync) : null;
    }
}
