using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/prepareRename: the name under the cursor that a rename would change (null where nothing can be renamed).</summary>
public sealed class PrepareRenameHandler : RequestHandler<TextDocumentPositionParams, PrepareRenameResult>
{
    public override string Method => "textDocument/prepareRename";
    protected override JsonTypeInfo<TextDocumentPositionParams> ParamsType => LspJsonContext.Default.TextDocumentPositionParams;
    protected override JsonTypeInfo<PrepareRenameResult> ResultType => LspJsonContext.Default.PrepareRenameResult;

    protected override Task<PrepareRenameResult?> HandleAsync(TextDocumentPositionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position);
        if (request is null || request.Snapshot.Engine.PrepareRename(request.Document.File, request.Offset) is not { } span)
        {
            return Task.FromResult<PrepareRenameResult?>(null);
        }
        var text = request.Document.File.Text;
        return Task.FromResult<PrepareRenameResult?>(new PrepareRenameResult(LspConverter.ToLsp(text, span), text.GetText(span)));
    }
}
