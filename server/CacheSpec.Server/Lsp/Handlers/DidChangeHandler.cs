using System.Text.Json;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/didChange: applies incremental (or full) changes in order; a change to a document never opened, or one
/// whose version is not newer than the server's, is logged and ignored, so no edit is applied twice.
/// </summary>
public sealed class DidChangeHandler() : NotificationHandler<DidChangeTextDocumentParams>(
    "textDocument/didChange", LspJsonContext.Default.DidChangeTextDocumentParams)
{
    public override bool InOrder => true;

    protected override void Handle(DidChangeTextDocumentParams parameters, ServerContext context)
    {
        var identifier = parameters.TextDocument;
        var existing = context.Workspace.Current.Find(identifier.Uri);
        if (existing is { IsOpen: true, Version: { } known } && identifier.Version <= known)
        {
            context.Client.Log(
                $"Ignored a change to {identifier.Uri} with version {identifier.Version}: the server already has " +
                    $"version {known}.", MessageType.Warning);
            return;
        }
        if (context.Workspace.Change(identifier.Uri, identifier.Version, parameters.ContentChanges) is null)
        {
            context.Client.Log($"Ignored a change to {identifier.Uri}, which is not open.", MessageType.Warning);
            return;
        }
        context.Publisher.Schedule(identifier.Uri);
    }

    /// <summary>
    /// A change that cannot be read is an edit lost: the document is marked out of sync (a diagnostic says so) rather
    /// than have the edits after it applied to the wrong text. A change that sends the whole text repairs it.
    /// </summary>
    protected override void Unreadable(JsonElement parameters, ServerContext context)
    {
        if (FromLsp.ChangedDocument(parameters) is var (uri, version)
            && context.Workspace.MarkOutOfSync(uri, version) is not null)
        {
            context.Client.Log($"{uri} is out of sync: an edit to it could not be read.", MessageType.Warning);
            context.Publisher.Schedule(uri);
        }
    }
}
