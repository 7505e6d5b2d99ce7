using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>The snapshot, document and offset a request is about; null when the document is unknown.</summary>
internal sealed record DocumentRequest(WorkspaceSnapshot Snapshot, DocumentState Document, int Offset)
{
    public AnalysisSnapshot Engine => Snapshot.Engine;

    public SpecFile File => Document.File;

    public SourceText Text => Document.File.Text;

    public static DocumentRequest? Of(ServerContext context, DocumentUri uri, Position? position = null)
    {
        var snapshot = context.Workspace.Current;
        return snapshot.Find(uri) is { } document
            ? new DocumentRequest(snapshot, document,
                position is null ? 0 : FromLsp.Offset(document.File.Text, position))
            : null;
    }
}
