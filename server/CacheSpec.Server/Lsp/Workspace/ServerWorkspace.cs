using System.Collections.Immutable;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Workspace;

/// <summary>
/// Holds the current snapshot and swaps it on every change. Changes are applied one at a time, in the order the client sent them;
/// readers never wait: they take the snapshot that is current when they start.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly object gate = new();
    private readonly AnalysisHost host;
    private WorkspaceSnapshot current;

    /// <summary>A workspace whose files the given host (by default one of its own) parses, binds and analyses.</summary>
    public ServerWorkspace(AnalysisHost? host = null)
    {
        this.host = host ?? new AnalysisHost();
        current = WorkspaceSnapshot.Empty(this.host);
    }

    public WorkspaceSnapshot Current => Volatile.Read(ref current);

    /// <summary>The cachespec.json settings for a document URI (none by default); the server points it at its configuration locator.</summary>
    public Func<string, RuleConfiguration?> ConfigurationFor { get; set; } = _ => null;

    /// <summary>Re-reads every document with the configuration in force now (after a cachespec.json changed).</summary>
    public WorkspaceSnapshot Reconfigure() =>
        Update(documents => documents.SetItems(documents.Select(pair =>
            new KeyValuePair<string, DocumentState>(pair.Key, Parse(pair.Value.Uri, pair.Value.Version, pair.Value.File.Text.Text, pair.Value.IsOpen)))));

    public WorkspaceSnapshot Open(string uri, int version, string text) =>
        Update(documents => documents.SetItem(LspConverter.Normalize(uri), Parse(uri, version, text, isOpen: true)));

    /// <summary>Applies a didChange in order; returns null when the document is not open (the change is ignored).</summary>
    public WorkspaceSnapshot? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (gate)
        {
            var key = LspConverter.Normalize(uri);
            if (!current.Documents.TryGetValue(key, out var document) || !document.IsOpen)
            {
                return null;
            }
            var syntax = document.File.Syntax;
            foreach (var change in changes)
            {
                syntax = Apply(syntax, change);
            }
            var file = host.File(document.Uri, syntax, configuration: ConfigurationFor(document.Uri), previous: document.File);
            return Update(documents => documents.SetItem(key, new DocumentState(document.Uri, version, file, IsOpen: true)));
        }
    }

    /// <summary>Closes a document: its text on disk, if any, takes its place; otherwise it leaves the workspace.</summary>
    public WorkspaceSnapshot Close(string uri, string? diskText) =>
        Update(documents =>
        {
            var key = LspConverter.Normalize(uri);
            return diskText is null ? documents.Remove(key) : documents.SetItem(key, Parse(uri, null, diskText, isOpen: false));
        });

    /// <summary>Adds or refreshes files read from disk; open documents keep the editor's text.</summary>
    public WorkspaceSnapshot LoadFromDisk(IEnumerable<(string Uri, string Text)> files) =>
        Update(documents =>
        {
            foreach (var (uri, text) in files)
            {
                var key = LspConverter.Normalize(uri);
                if (!(documents.TryGetValue(key, out var existing) && existing.IsOpen))
                {
                    documents = documents.SetItem(key, Parse(uri, null, text, isOpen: false));
                }
            }
            return documents;
        });

    /// <summary>Forgets a file deleted from disk, unless the editor has it open.</summary>
    public WorkspaceSnapshot RemoveFromDisk(string uri) =>
        Update(documents =>
        {
            var key = LspConverter.Normalize(uri);
            return documents.TryGetValue(key, out var existing) && !existing.IsOpen ? documents.Remove(key) : documents;
        });

    private WorkspaceSnapshot Update(Func<ImmutableDictionary<string, DocumentState>, ImmutableDictionary<string, DocumentState>> change)
    {
        lock (gate)
        {
            var next = new WorkspaceSnapshot(host, change(current.Documents), current.Generation + 1);
            Volatile.Write(ref current, next);
            return next;
        }
    }

    private DocumentState Parse(string uri, int? version, string text, bool isOpen) =>
        new(uri, version, host.File(uri, text, configuration: ConfigurationFor(uri)), isOpen);

    /// <summary>Applies one content change; the tree is re-parsed only where the change falls when that is safe.</summary>
    private SyntaxTree Apply(SyntaxTree syntax, TextDocumentContentChangeEvent change)
    {
        if (change.Range is null)
        {
            return host.Parse(new SourceText(change.Text));
        }
        var text = syntax.Text;
        var span = LspConverter.ToSpan(text, change.Range);
        return host.Edit(syntax, text.WithChange(span, change.Text), span, change.Text.Length);
    }
}
