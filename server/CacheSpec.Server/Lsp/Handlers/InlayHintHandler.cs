using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class InlayHintHandler : RequestHandler<InlayHintParams, InlayHint[]>
{
    public override string Method => "textDocument/inlayHint";
    protected override JsonTypeInfo<InlayHintParams> ParamsType => LspJsonContext.Default.InlayHintParams;
    protected override JsonTypeInfo<InlayHint[]> ResultType => LspJsonContext.Default.InlayHintArray;

    protected override Task<InlayHint[]?> HandleAsync(InlayHintParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Workspace.Current;
        if (snapshot.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return Task.FromResult<InlayHint[]?>(Array.Empty<InlayHint>());
        }
        var text = document.File.Text;
        var hints = snapshot.Engine.InlayHints(document.File, LspConverter.ToSpan(text, parameters.Range));
        return Task.FromResult<InlayHint[]?>(hints.Select(hint => new InlayHint(LspConverter.ToLsp(text.GetPosition(hint.Offset)), hint.Label, PaddingLeft: true)).ToArray());
    }
}
