using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/didClose: a workspace file falls back to its text on disk; any other document leaves the model.
/// </summary>
public sealed class DidCloseHandler() : NotificationHandler<DidCloseTextDocumentParams>(
    "textDocument/didClose", LspJsonContext.Default.DidCloseTextDocumentParams)
{
    public override bool InOrder => true;

    protected override void Handle(DidCloseTextDocumentParams parameters, ServerContext context)
    {
        var uri = parameters.TextDocument.Uri;
        var diskText = uri.Path is { } path && WorkspaceScanner.IsInWorkspace(path, context.Session.Folders)
            ? WorkspaceScanner.TryRead(path, context.Client.Log)
            : null;
        context.Workspace.Close(uri, diskText);
        context.Publisher.Schedule(null);
    }
}
