using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class CompletionHandler() : RequestHandler<CompletionParams, CompletionList>(
    "textDocument/completion", LspJsonContext.Default.CompletionParams, LspJsonContext.Default.CompletionList)
{
    protected override CompletionList Handle(CompletionParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position) is { } request
            ? ToLsp.Completions(request.Text, request.Engine.Complete(request.File, request.Offset, context.Guidance))
            : ToLsp.NoCompletions;
}
