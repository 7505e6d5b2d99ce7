using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class CompletionHandler : RequestHandler<CompletionParams, CompletionList>
{
    public override string Method => "textDocument/completion";
    protected override JsonTypeInfo<CompletionParams> ParamsType => LspJsonContext.Default.CompletionParams;
    protected override JsonTypeInfo<CompletionList> ResultType => LspJsonContext.Default.CompletionList;

    protected override Task<CompletionList?> HandleAsync(CompletionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Workspace.Current;
        if (snapshot.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return Task.FromResult<CompletionList?>(new CompletionList(false, Array.Empty<CompletionItem>()));
        }
        var text = document.File.Text;
        var offset = LspConverter.ToOffset(text, parameters.Position);
        var candidates = snapshot.Engine.Complete(document.File, offset, context.Guidance);
        return Task.FromResult<CompletionList?>(new CompletionList(false, candidates.Select(candidate => FeatureConverter.ToLsp(text, candidate)).ToArray()));
    }
}
