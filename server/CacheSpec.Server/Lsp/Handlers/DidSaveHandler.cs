using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/didSave: the editor's text is already current, so saving only confirms what was analysed.
/// </summary>
public sealed class DidSaveHandler() : NotificationHandler<DidSaveTextDocumentParams>(
    "textDocument/didSave", LspJsonContext.Default.DidSaveTextDocumentParams)
{
    public override bool InOrder => true;

    protected override void Handle(DidSaveTextDocumentParams parameters, ServerContext context)
    {
    }
}
