using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/diagnostic (pull): the same diagnostics as the pushed ones, for the snapshot current when the request arrives.</summary>
public sealed class DocumentDiagnosticHandler : RequestHandler<DocumentDiagnosticParams, FullDocumentDiagnosticReport>
{
    public override string Method => "textDocument/diagnostic";
    protected override JsonTypeInfo<DocumentDiagnosticParams> ParamsType => LspJsonContext.Default.DocumentDiagnosticParams;
    protected override JsonTypeInfo<FullDocumentDiagnosticReport> ResultType => LspJsonContext.Default.FullDocumentDiagnosticReport;

    protected override Task<FullDocumentDiagnosticReport?> HandleAsync(DocumentDiagnosticParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Workspace.Current;
        var document = snapshot.Find(parameters.TextDocument.Uri);
        var items = document is null
            ? Array.Empty<Protocol.Diagnostic>()
            : snapshot.Engine.Findings(document.File).Select(LspConverter.ToLsp).ToArray();
        return Task.FromResult<FullDocumentDiagnosticReport?>(new FullDocumentDiagnosticReport("full", $"{snapshot.Generation}", items));
    }
}
