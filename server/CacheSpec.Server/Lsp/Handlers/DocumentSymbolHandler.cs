using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class DocumentSymbolHandler() : RequestHandler<DocumentSymbolParams, DocumentSymbol[]>(
    "textDocument/documentSymbol", LspJsonContext.Default.DocumentSymbolParams,
        LspJsonContext.Default.DocumentSymbolArray)
{
    protected override DocumentSymbol[] Handle(DocumentSymbolParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri) is { } request
            ? ToLsp.Symbols(request.Text, DocumentSymbols.For(request.File))
            : Array.Empty<DocumentSymbol>();
}
