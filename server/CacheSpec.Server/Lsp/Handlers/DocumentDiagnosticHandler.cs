using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/diagnostic (pull): the same diagnostics as the pushed ones, for the snapshot current when the request
/// arrives.
/// </summary>
public sealed class DocumentDiagnosticHandler()
    : RequestHandler<DocumentDiagnosticParams, FullDocumentDiagnosticReport>(
    "textDocument/diagnostic", LspJsonContext.Default.DocumentDiagnosticParams,
        LspJsonContext.Default.FullDocumentDiagnosticReport)
{
    protected override FullDocumentDiagnosticReport Handle(DocumentDiagnosticParams parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri);
        var snapshot = request?.Snapshot ?? context.Workspace.Current;
        return request is null
            ? ToLsp.Report(snapshot.Generation, Array.Empty<Analysis.Diagnostics.Diagnostic>())
            : ToLsp.Report(snapshot.Generation, request.Engine.Findings(request.File), request.Document.IsOutOfSync);
    }
}
