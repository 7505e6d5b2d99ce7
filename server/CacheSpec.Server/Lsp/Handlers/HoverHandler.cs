using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

public sealed class HoverHandler : RequestHandler<TextDocumentPositionParams, Hover>
{
    public override string Method => "textDocument/hover";
    protected override JsonTypeInfo<TextDocumentPositionParams> ParamsType => LspJsonContext.Default.TextDocumentPositionParams;
    protected override JsonTypeInfo<Hover> ResultType => LspJsonContext.Default.Hover;

    protected override Task<Hover?> HandleAsync(TextDocumentPositionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Workspace.Current;
        if (snapshot.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return Task.FromResult<Hover?>(null);
        }
        var text = document.File.Text;
        var hover = snapshot.Engine.Hover(document.File, LspConverter.ToOffset(text, parameters.Position), context.Guidance, RuleDocumentation.HelpUri);
        return Task.FromResult(hover is null ? null : new Hover(MarkupContent.Markdown(hover.Markdown), LspConverter.ToLsp(text, hover.Span)));
    }
}
