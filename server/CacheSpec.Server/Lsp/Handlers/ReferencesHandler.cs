using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class ReferencesHandler : RequestHandler<ReferenceParams, Location[]>
{
    public override string Method => "textDocument/references";
    protected override JsonTypeInfo<ReferenceParams> ParamsType => LspJsonContext.Default.ReferenceParams;
    protected override JsonTypeInfo<Location[]> ResultType => LspJsonContext.Default.LocationArray;

    protected override Task<Location[]?> HandleAsync(ReferenceParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position);
        var found = request is null
            ? Array.Empty<Occurrence>()
            : request.Snapshot.Engine.References(request.Document.File, request.Offset, parameters.Context?.IncludeDeclaration ?? true);
        return Task.FromResult<Location[]?>(found.Select(NavigationConverter.ToLocation).ToArray());
    }
}
