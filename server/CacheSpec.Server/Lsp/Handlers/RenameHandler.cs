using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/rename: edits the declaration and every reference in every file, or refuses with the reason
/// (RequestFailed).
/// </summary>
public sealed class RenameHandler() : RequestHandler<RenameParams, WorkspaceEdit>(
    "textDocument/rename", LspJsonContext.Default.RenameParams, LspJsonContext.Default.WorkspaceEdit)
{
    protected override WorkspaceEdit Handle(RenameParams parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        var request = DocumentRequest.Of(context, parameters.TextDocument.Uri, parameters.Position)
            ?? throw new RpcException(LspErrorCodes.RequestFailed, "The document is not open.");
        var result = request.Engine.Rename(request.File, request.Offset, parameters.NewName);
        return result.Error is { } error ? throw new RpcException(LspErrorCodes.RequestFailed, error)
            : ToLsp.Rename(result.Edits);
    }
}
