using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/prepareRename: the name under the cursor that a rename would change (null where nothing can be
/// renamed).
/// </summary>
public sealed class PrepareRenameHandler() : RequestHandler<TextDocumentPositionParams, PrepareRenameResult>(
    "textDocument/prepareRename", LspJsonContext.Default.TextDocumentPositionParams,
        LspJsonContext.Default.PrepareRenameResult)
{
    protected override PrepareRenameResult? Handle(TextDocumentPositionParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
        && request.Engine.PrepareRename(request.File, request.Offset) is { } span
            ? ToLsp.PrepareRename(request.Text, span)
            : null;
}
