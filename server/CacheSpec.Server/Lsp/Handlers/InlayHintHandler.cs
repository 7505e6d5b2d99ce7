using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class InlayHintHandler() : RequestHandler<InlayHintParams, InlayHint[]>(
    "textDocument/inlayHint", LspJsonContext.Default.InlayHintParams, LspJsonContext.Default.InlayHintArray)
{
    protected override InlayHint[] Handle(InlayHintParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri) is { } request
            ? ToLsp.InlayHints(request.Text,
                request.Engine.InlayHints(request.File, FromLsp.Span(request.Text, parameters.Range)))
            : Array.Empty<InlayHint>();
}
