using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>workspace/symbol: every declared network, subnet, NSG, cache and private endpoint whose name contains the query.</summary>
public sealed class WorkspaceSymbolHandler : RequestHandler<WorkspaceSymbolParams, SymbolInformation[]>
{
    public override string Method => "workspace/symbol";
    protected override JsonTypeInfo<WorkspaceSymbolParams> ParamsType => LspJsonContext.Default.WorkspaceSymbolParams;
    protected override JsonTypeInfo<SymbolInformation[]> ResultType => LspJsonContext.Default.SymbolInformationArray;

    protected override Task<SymbolInformation[]?> HandleAsync(WorkspaceSymbolParams parameters, ServerContext context, CancellationToken cancellationToken) =>
        Task.FromResult<SymbolInformation[]?>(context.Workspace.Current.Engine.Symbols.DeclarationsMatching(parameters.Query)
            .Take(500)
            .Select(occurrence => new SymbolInformation(occurrence.Name, NavigationConverter.SymbolKind(occurrence.Kind), NavigationConverter.ToLocation(occurrence),
                occurrence.Kind.ToString()))
            .ToArray());
}
