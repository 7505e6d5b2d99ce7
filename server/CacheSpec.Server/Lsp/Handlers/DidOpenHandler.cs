using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class DidOpenHandler : NotificationHandler<DidOpenTextDocumentParams>
{
    public override string Method => "textDocument/didOpen";
    public override bool InOrder => true;
    protected override JsonTypeInfo<DidOpenTextDocumentParams> ParamsType => LspJsonContext.Default.DidOpenTextDocumentParams;

    protected override void Handle(DidOpenTextDocumentParams parameters, ServerContext context)
    {
        var document = parameters.TextDocument;
        context.Workspace.Open(document.Uri, document.Version, document.Text);
        context.Publisher.Schedule(document.Uri);
    }
}
