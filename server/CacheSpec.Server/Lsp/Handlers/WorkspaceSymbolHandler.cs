using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// workspace/symbol: every declared network, subnet, NSG, cache and private endpoint whose name contains the query.
/// </summary>
public sealed class WorkspaceSymbolHandler() : RequestHandler<WorkspaceSymbolParams, SymbolInformation[]>(
    "workspace/symbol", LspJsonContext.Default.WorkspaceSymbolParams, LspJsonContext.Default.SymbolInformationArray)
{
    /// <summary>The most symbols one answer lists: a client filters further as the user types.</summary>
    private const int MaxSymbols = 500;

    protected override SymbolInformation[] Handle(WorkspaceSymbolParams parameters, ServerContext context,
        CancellationToken cancellationToken) =>
        ToLsp.WorkspaceSymbols(context.Workspace.Current.Engine.Symbols.DeclarationsMatching(parameters.Query)
            .Take(MaxSymbols));
}
