using System.Collections.Immutable;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// The editor's view of the workspace over the engine's: the host holds the files (keyed by normalized URI, named by
/// the URI the client first used), this holds which the editor has open and at which version, and the two are swapped
/// together, under one lock, into a new snapshot on every change. Changes are applied one at a time, in the order the
/// client sent them; readers never wait: they take the snapshot that is current when they start.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly object gate = new();
    private readonly AnalysisHost host;
    private WorkspaceSnapshot current;

    /// <summary>
    /// A workspace whose files the given host (by default one of its own) holds, parses, binds and analyses.
    /// </summary>
    public ServerWorkspace(AnalysisHost? host = null)
    {
        this.host = host ?? new AnalysisHost();
        current = new WorkspaceSnapshot(this.host.Current, ImmutableDictionary<string, EditorState>.Empty, 0);
    }

    public WorkspaceSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// The cachespec.json settings for a document URI (none by default); the server points it at its configuration
    /// locator.
    /// </summary>
    public Func<DocumentUri, RuleConfiguration?> ConfigurationFor { get; set; } = _ => null;

    /// <summary>Re-reads every document with the configuration in force now (after a cachespec.json changed).</summary>
    public WorkspaceSnapshot Reconfigure() => Update(editor =>
    {
        host.Reconfigure(file => ConfigurationFor(new DocumentUri(file.Path)));
        return editor;
    });

    public WorkspaceSnapshot Open(DocumentUri uri, int version, string text) => Update(editor =>
    {
        var key = uri.Key;
        host.SetText(key, uri.Text, text, configuration: ConfigurationFor(uri));
        return editor.SetItem(key, new EditorState(uri, version, IsOpen: true));
    });

    /// <summary>
    /// Applies a didChange in order; returns null when the document is not open (the change is ignored).
    /// </summary>
    public WorkspaceSnapshot? Change(DocumentUri uri, int version,
        IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (gate)
        {
            var key = uri.Key;
            if (!current.Editor.TryGetValue(key, out var state) || !state.IsOpen)
            {
                return null;
            }
            // Out of sync, ranged changes would land in the wrong text: only a change that sends the whole text, and
            // those after it, apply.
            var resync = state.IsOutOfSync ? LastFullText(changes) : 0;
            return Update(editor =>
            {
                var configuration = ConfigurationFor(state.Uri);
                foreach (var change in changes.Skip(resync < 0 ? changes.Count : resync))
                {
                    // Each change's range is in the text the changes before it left.
                    var span = change.Range is null ? (Analysis.Text.TextSpan?)null
                        : FromLsp.Span(host.Current.Files[key].Text, change.Range);
                    host.Change(key, span, change.Text, configuration);
                }
                return editor.SetItem(key, state with { Version = version, IsOutOfSync = resync < 0 });
            });
        }
    }

    /// <summary>The index of the last change that replaces the whole text; -1 when there is none.</summary>
    private static int LastFullText(IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            if (changes[i].Range is null)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Marks an open document out of sync after an edit to it could not be read (its later ranged edits are ignored
    /// until a change sends the whole text); the version, when it could be read, is taken as the editor's. Returns null
    /// when it is not open.
    /// </summary>
    public WorkspaceSnapshot? MarkOutOfSync(DocumentUri uri, int? version)
    {
        lock (gate)
        {
            if (!current.Editor.TryGetValue(uri.Key, out var state) || !state.IsOpen)
            {
                return null;
            }
            return Update(editor =>
                editor.SetItem(uri.Key, state with { Version = version ?? state.Version, IsOutOfSync = true }));
        }
    }

    /// <summary>
    /// Closes a document: its text on disk, if any, takes its place; otherwise it leaves the workspace.
    /// </summary>
    public WorkspaceSnapshot Close(DocumentUri uri, string? diskText) => Update(editor =>
    {
        var key = uri.Key;
        if (diskText is null)
        {
            host.Remove(key);
            return editor.Remove(key);
        }
        host.SetText(key, uri.Text, diskText, configuration: ConfigurationFor(uri));
        return editor.SetItem(key, new EditorState(uri, null, IsOpen: false));
    });

    /// <summary>
    /// Adds or refreshes files read from disk, parsed and bound on every core into one snapshot; open documents keep
    /// the editor's text. The load, when given, times the stages ("configuration", "parse and bind") and counts the
    /// files bound.
    /// </summary>
    public WorkspaceSnapshot LoadFromDisk(IReadOnlyList<(DocumentUri Uri, string Text)> files,
        WorkspaceLoad? load = null) => Update(editor =>
    {
        var closed = files.Where(file => !(editor.TryGetValue(file.Uri.Key, out var existing) && existing.IsOpen))
            .ToArray();
        var texts = Array.ConvertAll(closed, file =>
            (file.Uri.Key, Path: file.Uri.Text, file.Text, Configuration: ConfigurationFor(file.Uri)));
        load?.EndStage("configuration");
        host.SetTexts(texts, load is null ? null : load.FileBound);
        load?.EndStage("parse and bind");
        return editor.SetItems(closed.Select(file =>
            KeyValuePair.Create(file.Uri.Key, new EditorState(file.Uri, null, IsOpen: false))));
    });

    /// <summary>Forgets a file deleted from disk, unless the editor has it open.</summary>
    public WorkspaceSnapshot RemoveFromDisk(DocumentUri uri) => Update(editor =>
    {
        var key = uri.Key;
        if (!editor.TryGetValue(key, out var existing) || existing.IsOpen)
        {
            return editor;
        }
        host.Remove(key);
        return editor.Remove(key);
    });

    /// <summary>
    /// Applies a change to the host's files and the editor's view of them, and publishes both as one snapshot.
    /// </summary>
    private WorkspaceSnapshot Update(
        Func<ImmutableDictionary<string, EditorState>, ImmutableDictionary<string, EditorState>> change)
    {
        lock (gate)
        {
            var editor = change(current.Editor);
            var next = new WorkspaceSnapshot(host.Current, editor, current.Generation + 1);
            Volatile.Write(ref current, next);
            return next;
        }
    }
}
