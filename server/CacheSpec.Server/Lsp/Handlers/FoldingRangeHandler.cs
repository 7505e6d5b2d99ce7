using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class FoldingRangeHandler() : RequestHandler<FoldingRangeParams, FoldingRange[]>(
    "textDocument/foldingRange", LspJsonContext.Default.FoldingRangeParams, LspJsonContext.Default.FoldingRangeArray)
{
    protected override FoldingRange[] Handle(FoldingRangeParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri) is { } request
            ? ToLsp.FoldingRanges(FoldingRegions.For(request.File))
            : Array.Empty<FoldingRange>();
}
