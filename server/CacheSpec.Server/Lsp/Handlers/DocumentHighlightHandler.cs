using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/documentHighlight: the same name in this file; the declaration is marked Write (3), references Read (2).</summary>
public sealed class DocumentHighlightHandler : RequestHandler<TextDocumentPositionParams, DocumentHighlight[]>
{
    public override string Method => "textDocument/documentHighlight";
    protected override JsonTypeInfo<TextDocumentPositionParams> ParamsType => LspJsonContext.Default.TextDocumentPositionParams;
    protected override JsonTypeInfo<DocumentHighlight[]> ResultType => LspJsonContext.Default.DocumentHighlightArray;

    protected override Task<DocumentHighlight[]?> HandleAsync(TextDocumentPositionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position);
        var found = request is null ? Array.Empty<Occurrence>() : request.Snapshot.Engine.Highlights(request.Document.File, request.Offset);
        return Task.FromResult<DocumentHighlight[]?>(found
            .Select(occurrence => new DocumentHighlight(LspConverter.ToLsp(occurrence.File.Text, occurrence.Span), occurrence.IsDeclaration ? 3 : 2))
            .ToArray());
    }
}
