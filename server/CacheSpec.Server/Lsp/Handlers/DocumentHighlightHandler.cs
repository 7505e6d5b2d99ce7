using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/documentHighlight: the same name in this file, its declaration marked as written, references as read.
/// </summary>
public sealed class DocumentHighlightHandler() : RequestHandler<TextDocumentPositionParams, DocumentHighlight[]>(
    "textDocument/documentHighlight", LspJsonContext.Default.TextDocumentPositionParams,
        LspJsonContext.Default.DocumentHighlightArray)
{
    protected override DocumentHighlight[] Handle(TextDocumentPositionParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
            ? ToLsp.Highlights(request.Engine.Highlights(request.File, request.Offset))
            : Array.Empty<DocumentHighlight>();
}
