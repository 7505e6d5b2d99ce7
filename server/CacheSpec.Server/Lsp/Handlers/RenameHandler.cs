using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>textDocument/rename: edits the declaration and every reference in every file, or refuses with the reason (RequestFailed).</summary>
public sealed class RenameHandler : RequestHandler<RenameParams, WorkspaceEdit>
{
    private const int RequestFailed = -32803;

    public override string Method => "textDocument/rename";
    protected override JsonTypeInfo<RenameParams> ParamsType => LspJsonContext.Default.RenameParams;
    protected override JsonTypeInfo<WorkspaceEdit> ResultType => LspJsonContext.Default.WorkspaceEdit;

    protected override Task<WorkspaceEdit?> HandleAsync(RenameParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position)
            ?? throw new LocalRpcException("The document is not open.") { ErrorCode = RequestFailed };
        var result = request.Snapshot.Engine.Rename(request.Document.File, request.Offset, parameters.NewName);
        if (result.Error is { } error)
        {
            throw new LocalRpcException(error) { ErrorCode = RequestFailed };
        }
        return Task.FromResult<WorkspaceEdit?>(NavigationConverter.ToWorkspaceEdit(result.Edits));
    }
}
