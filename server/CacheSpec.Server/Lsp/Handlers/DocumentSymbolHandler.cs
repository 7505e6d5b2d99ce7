using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class DocumentSymbolHandler : RequestHandler<DocumentSymbolParams, DocumentSymbol[]>
{
    public override string Method => "textDocument/documentSymbol";
    protected override JsonTypeInfo<DocumentSymbolParams> ParamsType => LspJsonContext.Default.DocumentSymbolParams;
    protected override JsonTypeInfo<DocumentSymbol[]> ResultType => LspJsonContext.Default.DocumentSymbolArray;

    protected override Task<DocumentSymbol[]?> HandleAsync(DocumentSymbolParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var document = context.Workspace.Current.Find(parameters.TextDocument.Uri);
        var symbols = document is null
            ? Array.Empty<DocumentSymbol>()
            : DocumentSymbols.For(document.File).Select(symbol => FeatureConverter.ToLsp(document.File.Text, symbol)).ToArray();
        return Task.FromResult<DocumentSymbol[]?>(symbols);
    }
}
