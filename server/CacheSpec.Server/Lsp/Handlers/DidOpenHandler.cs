using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class DidOpenHandler() : NotificationHandler<DidOpenTextDocumentParams>(
    "textDocument/didOpen", LspJsonContext.Default.DidOpenTextDocumentParams)
{
    public override bool InOrder => true;

    protected override void Handle(DidOpenTextDocumentParams parameters, ServerContext context)
    {
        var document = parameters.TextDocument;
        context.Workspace.Open(document.Uri, document.Version, document.Text);
        context.Publisher.Schedule(document.Uri);
    }
}
