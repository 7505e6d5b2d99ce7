using System.Text.Json;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Edge;

/// <summary>
/// What the server says of itself: its capabilities, the file watchers it registers, progress and log messages.
/// </summary>
internal static partial class ToLsp
{
    private static readonly string[] CompletionTriggers = [":", " ", "/", "-"];

    private static readonly string[] CodeActionKinds = [QuickFix, ConfigureRule];

    /// <summary>
    /// Only what the server does. A client that pulls diagnostics is offered the pull model (and gets no push for open
    /// documents).
    /// </summary>
    public static InitializeResult Initialized(ClientCapabilities client) => new(
        new ServerCapabilities(
            PositionEncoding: "utf-16",
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, TextDocumentSyncKind.Incremental,
                new SaveOptions(IncludeText: false)),
            CompletionProvider: new CompletionOptions(CompletionTriggers, ResolveProvider: false),
            HoverProvider: true,
            DocumentSymbolProvider: true,
            FoldingRangeProvider: true,
            DiagnosticProvider: client.PullsDiagnostics
                ? new DiagnosticOptions(Source, InterFileDependencies: true, WorkspaceDiagnostics: false) : null,
            Workspace: new WorkspaceServerCapabilities(
                new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: false)),
            DefinitionProvider: true,
            ReferencesProvider: true,
            DocumentHighlightProvider: true,
            RenameProvider: new RenameOptions(PrepareProvider: true),
            WorkspaceSymbolProvider: true,
            InlayHintProvider: true,
            CodeActionProvider: new CodeActionOptions(CodeActionKinds)),
        new ServerInfo("cachespec", ProductInfo.Version));

    /// <summary>Asks to be told when spec files or cachespec.json files change on disk.</summary>
    public static RegistrationParams FileWatchers() => new(new[]
    {
        new Registration(
            "cachespec-watch",
            "workspace/didChangeWatchedFiles",
            JsonSerializer.SerializeToElement(
                new DidChangeWatchedFilesRegistrationOptions(
                    new[] { new Protocol.FileSystemWatcher("**/*.cachespec.{yaml,yml}"),
                        new Protocol.FileSystemWatcher("**/cachespec.json") }),
                LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions)),
    });

    public static WorkDoneProgressCreateParams CreateProgress(JsonElement token) => new(token);

    /// <summary>Begins at 0%, so that clients show the percentages reported after it.</summary>
    public static ProgressParams ProgressBegin(JsonElement token, string title) =>
        new(token, new WorkDoneProgress("begin", Title: title, Percentage: 0));

    public static ProgressParams ProgressReport(JsonElement token, string message, int percentage) =>
        new(token, new WorkDoneProgress("report", Message: message, Percentage: percentage));

    public static ProgressParams ProgressEnd(JsonElement token, string message) =>
        new(token, new WorkDoneProgress("end", Message: message));

    public static LogMessageParams Log(MessageType type, string message) => new(type, message);
}
