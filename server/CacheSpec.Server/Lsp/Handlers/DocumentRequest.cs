using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>The snapshot, document and offset a position request is about (null when the document is unknown).</summary>
internal sealed record DocumentRequest(WorkspaceSnapshot Snapshot, DocumentState Document, int Offset)
{
    public static DocumentRequest? Of(ServerContext context, string uri, Protocol.Position position)
    {
        var snapshot = context.Workspace.Current;
        return snapshot.Find(uri) is { } document ? new DocumentRequest(snapshot, document, LspConverter.ToOffset(document.File.Text, position)) : null;
    }
}
