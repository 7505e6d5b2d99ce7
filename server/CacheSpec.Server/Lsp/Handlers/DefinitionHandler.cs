using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/definition: from a reference ("hub/endpoints", an NSG or cache name) to its declaration, in any file.
/// </summary>
public sealed class DefinitionHandler() : RequestHandler<TextDocumentPositionParams, Location[]>(
    "textDocument/definition", LspJsonContext.Default.TextDocumentPositionParams, LspJsonContext.Default.LocationArray)
{
    protected override Location[] Handle(TextDocumentPositionParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
            ? ToLsp.Locations(request.Engine.Definition(request.File, request.Offset))
            : Array.Empty<Location>();
}
