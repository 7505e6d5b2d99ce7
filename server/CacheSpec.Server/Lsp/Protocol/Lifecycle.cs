using System.Text.Json;

namespace CacheSpec.Server.Lsp.Protocol;

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record WorkspaceFolder(DocumentUri Uri, string Name);

public sealed record InitializeParams(
    int? ProcessId = null,
    DocumentUri? RootUri = null,
    string? RootPath = null,
    WorkspaceFolder[]? WorkspaceFolders = null,
    JsonElement? Capabilities = null,
    JsonElement? InitializationOptions = null,
    JsonElement? WorkDoneToken = null,
    ClientInfo? ClientInfo = null) : ICheckedParams
{
    public string? Problem() => ICheckedParams.NullItemIn(WorkspaceFolders, "workspaceFolders");
}

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record SaveOptions(bool IncludeText);

public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change, SaveOptions Save);

public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    CompletionOptions CompletionProvider,
    bool HoverProvider,
    bool DocumentSymbolProvider,
    bool FoldingRangeProvider,
    DiagnosticOptions? DiagnosticProvider,
    WorkspaceServerCapabilities Workspace,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool DocumentHighlightProvider,
    RenameOptions RenameProvider,
    bool WorkspaceSymbolProvider,
    bool InlayHintProvider,
    CodeActionOptions CodeActionProvider);

public sealed record RenameOptions(bool PrepareProvider);
