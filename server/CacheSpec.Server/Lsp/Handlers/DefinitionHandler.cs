using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/definition: from a reference ("hub/endpoints", an NSG or cache name) to its declaration, in any file.</summary>
public sealed class DefinitionHandler : RequestHandler<TextDocumentPositionParams, Location[]>
{
    public override string Method => "textDocument/definition";
    protected override JsonTypeInfo<TextDocumentPositionParams> ParamsType => LspJsonContext.Default.TextDocumentPositionParams;
    protected override JsonTypeInfo<Location[]> ResultType => LspJsonContext.Default.LocationArray;

    protected override Task<Location[]?> HandleAsync(TextDocumentPositionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position);
        var found = request is null ? Array.Empty<Occurrence>() : request.Snapshot.Engine.Definition(request.Document.File, request.Offset);
        return Task.FromResult<Location[]?>(found.Select(NavigationConverter.ToLocation).ToArray());
    }
}
