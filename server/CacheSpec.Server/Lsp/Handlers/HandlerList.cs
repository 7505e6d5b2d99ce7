namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// Every LSP method the server answers, in one visible list. Requests for any other method get MethodNotFound.
/// </summary>
public static class HandlerList
{
    public static IReadOnlyList<LspHandler> Create() => new LspHandler[]
    {
        new InitializeHandler(),
        new InitializedHandler(),
        new ShutdownHandler(),
        new ExitHandler(),
        new DidOpenHandler(),
        new DidChangeHandler(),
        new DidCloseHandler(),
        new DidSaveHandler(),
        new DidChangeWatchedFilesHandler(),
        new DocumentDiagnosticHandler(),
        new CompletionHandler(),
        new HoverHandler(),
        new DocumentSymbolHandler(),
        new FoldingRangeHandler(),
        new DefinitionHandler(),
        new ReferencesHandler(),
        new DocumentHighlightHandler(),
        new PrepareRenameHandler(),
        new RenameHandler(),
        new WorkspaceSymbolHandler(),
        new InlayHintHandler(),
        new CodeActionHandler(),
    };
}
