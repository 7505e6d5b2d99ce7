using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class HoverHandler() : RequestHandler<TextDocumentPositionParams, Hover>(
    "textDocument/hover", LspJsonContext.Default.TextDocumentPositionParams, LspJsonContext.Default.Hover)
{
    protected override Hover? Handle(TextDocumentPositionParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
        && request.Engine.Hover(request.File, request.Offset, context.Guidance, RuleDocumentation.HelpUri) is { } hover
            ? ToLsp.Hover(request.Text, hover)
            : null;
}
