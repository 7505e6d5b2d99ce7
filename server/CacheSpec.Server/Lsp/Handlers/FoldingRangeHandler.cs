using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Features;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class FoldingRangeHandler : RequestHandler<FoldingRangeParams, FoldingRange[]>
{
    public override string Method => "textDocument/foldingRange";
    protected override JsonTypeInfo<FoldingRangeParams> ParamsType => LspJsonContext.Default.FoldingRangeParams;
    protected override JsonTypeInfo<FoldingRange[]> ResultType => LspJsonContext.Default.FoldingRangeArray;

    protected override Task<FoldingRange[]?> HandleAsync(FoldingRangeParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var document = context.Workspace.Current.Find(parameters.TextDocument.Uri);
        var ranges = document is null ? Array.Empty<FoldingRange>() : FoldingRegions.For(document.File).Select(FeatureConverter.ToLsp).ToArray();
        return Task.FromResult<FoldingRange[]?>(ranges);
    }
}
