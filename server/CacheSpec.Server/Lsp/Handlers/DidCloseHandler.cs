using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/didClose: a workspace file falls back to its text on disk; any other document leaves the model.</summary>
public sealed class DidCloseHandler : NotificationHandler<DidCloseTextDocumentParams>
{
    public override string Method => "textDocument/didClose";
    public override bool InOrder => true;
    protected override JsonTypeInfo<DidCloseTextDocumentParams> ParamsType => LspJsonContext.Default.DidCloseTextDocumentParams;

    protected override void Handle(DidCloseTextDocumentParams parameters, ServerContext context)
    {
        var uri = parameters.TextDocument.Uri;
        var path = LspConverter.ToPath(uri);
        var diskText = path is not null && WorkspaceScanner.IsInWorkspace(path, context.WorkspaceFolders) ? WorkspaceScanner.TryRead(path, context.Client.Log) : null;
        context.Workspace.Close(uri, diskText);
        context.Publisher.Schedule(null);
    }
}
