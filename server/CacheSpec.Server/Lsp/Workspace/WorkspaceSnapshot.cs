using System.Collections.Immutable;
using CacheSpec.Analysis;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// An immutable state of every spec the server knows: the engine's snapshot of the files, which answers every question, and the
/// editor's view of each (URI, version, open or not), by normalized URI. Each request reads one snapshot; each change makes a new one.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<ImmutableDictionary<string, DocumentState>> documents;

    public WorkspaceSnapshot(AnalysisSnapshot engine, ImmutableDictionary<string, EditorState> editor, long generation)
    {
        Engine = engine;
        Editor = editor;
        Generation = generation;
        documents = new Lazy<ImmutableDictionary<string, DocumentState>>(
            () => editor.ToImmutableDictionary(pair => pair.Key, pair => Compose(pair.Value, engine.Files[pair.Key])), isThreadSafe: true);
    }

    /// <summary>The engine's snapshot of the documents' files (a file's path is the URI its document was first named by).</summary>
    public AnalysisSnapshot Engine { get; }

    /// <summary>The editor's view of each document, by normalized URI.</summary>
    public ImmutableDictionary<string, EditorState> Editor { get; }

    public long Generation { get; }

    /// <summary>Documents by normalized URI: the editor's view beside the file.</summary>
    public ImmutableDictionary<string, DocumentState> Documents => documents.Value;

    public DocumentState? Find(string uri)
    {
        var key = Conversion.LspConverter.Normalize(uri);
        return Editor.TryGetValue(key, out var state) ? Compose(state, Engine.Files[key]) : null;
    }

    private static DocumentState Compose(EditorState state, Analysis.Model.SpecFile file) => new(state.Uri, state.Version, file, state.IsOpen);
}
