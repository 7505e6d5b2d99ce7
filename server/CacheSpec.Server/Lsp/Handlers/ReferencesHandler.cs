using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class ReferencesHandler() : RequestHandler<ReferenceParams, Location[]>(
    "textDocument/references", LspJsonContext.Default.ReferenceParams, LspJsonContext.Default.LocationArray)
{
    protected override Location[] Handle(ReferenceParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
            ? ToLsp.Locations(
                request.Engine.References(request.File, request.Offset, parameters.Context?.IncludeDeclaration ?? true))
            : Array.Empty<Location>();
}
