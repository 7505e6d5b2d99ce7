using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/didSave: the editor's text is already current, so saving only confirms what was analysed.</summary>
public sealed class DidSaveHandler : NotificationHandler<DidSaveTextDocumentParams>
{
    public override string Method => "textDocument/didSave";
    public override bool InOrder => true;
    protected override JsonTypeInfo<DidSaveTextDocumentParams> ParamsType => LspJsonContext.Default.DidSaveTextDocumentParams;

    protected override void Handle(DidSaveTextDocumentParams parameters, ServerContext context)
    {
    }
}
