using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Cli;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>initialize: records the client's parameters, watches its process, and states what the server can do (only what it does).</summary>
public sealed class InitializeHandler : RequestHandler<InitializeParams, InitializeResult>
{
    public override string Method => "initialize";
    public override bool AllowedBeforeInitialize => true;
    protected override JsonTypeInfo<InitializeParams> ParamsType => LspJsonContext.Default.InitializeParams;
    protected override JsonTypeInfo<InitializeResult> ResultType => LspJsonContext.Default.InitializeResult;

    protected override Task<InitializeResult?> HandleAsync(InitializeParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        if (context.State != ServerState.Uninitialized)
        {
            throw new LocalRpcException("initialize may be sent only once.") { ErrorCode = LspErrorCodes.InvalidRequest };
        }
        context.InitializeParams = parameters;
        context.WorkspaceFolders = FoldersOf(parameters);
        if (DiagnosticsDelay(parameters) is { } delay)
        {
            context.Publisher.Delay = delay;
        }
        context.EditorGuidance = EditorGuidance(parameters);
        // A client that pulls diagnostics gets them for its open documents by pull only; pushing them too would list each finding twice.
        // Closed workspace files are still pushed, since nothing pulls them.
        var pulls = ClientPullsDiagnostics(parameters);
        context.Publisher.PushOpenDocuments = !pulls;
        if (parameters.ProcessId is { } processId)
        {
            _ = WatchParentAsync(processId, context);
        }
        context.State = ServerState.Initialized;
        var capabilities = new ServerCapabilities(
            PositionEncoding: "utf-16",
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: new SaveOptions(IncludeText: false)),
            CompletionProvider: new CompletionOptions(new[] { ":", " ", "/", "-" }, ResolveProvider: false),
            HoverProvider: true,
            DocumentSymbolProvider: true,
            FoldingRangeProvider: true,
            DiagnosticProvider: pulls ? new DiagnosticOptions("cachespec", InterFileDependencies: true, WorkspaceDiagnostics: false) : null,
            Workspace: new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: false)),
            DefinitionProvider: true,
            ReferencesProvider: true,
            DocumentHighlightProvider: true,
            RenameProvider: new RenameOptions(PrepareProvider: true),
            WorkspaceSymbolProvider: true,
            InlayHintProvider: true,
            CodeActionProvider: new CodeActionOptions(new[] { CodeActionConverter.QuickFix, CodeActionConverter.ConfigureRule }));
        return Task.FromResult<InitializeResult?>(new InitializeResult(capabilities, new ServerInfo("cachespec", CommandLine.Version)));
    }

    private static IReadOnlyList<string> FoldersOf(InitializeParams parameters)
    {
        if (parameters.WorkspaceFolders is { Length: > 0 } folders)
        {
            return folders.Select(folder => LspConverter.ToPath(folder.Uri)).OfType<string>().ToArray();
        }
        if (parameters.RootUri is { } rootUri && LspConverter.ToPath(rootUri) is { } rootPath)
        {
            return new[] { rootPath };
        }
        return parameters.RootPath is { Length: > 0 } path ? new[] { path } : Array.Empty<string>();
    }

    /// <summary>initializationOptions.diagnosticsDelayMs, else CACHESPEC_DIAGNOSTICS_DELAY_MS: the debounce before diagnostics (0 for benchmarks).</summary>
    private static TimeSpan? DiagnosticsDelay(InitializeParams parameters)
    {
        if (parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } options
            && options.TryGetProperty("diagnosticsDelayMs", out var value) && value.TryGetInt32(out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        return int.TryParse(Environment.GetEnvironmentVariable("CACHESPEC_DIAGNOSTICS_DELAY_MS"), out var fromEnvironment) && fromEnvironment >= 0
            ? TimeSpan.FromMilliseconds(fromEnvironment)
            : null;
    }

    /// <summary>initializationOptions.guidance: the editor's default profile, for specs that name none and have no cachespec.json saying so.</summary>
    private static Analysis.Diagnostics.GuidanceProfile? EditorGuidance(InitializeParams parameters) =>
        parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } options
        && options.TryGetProperty("guidance", out var value) && value.ValueKind == JsonValueKind.String
            ? Analysis.Diagnostics.GuidanceProfiles.Parse(value.GetString())
            : null;

    private static bool ClientPullsDiagnostics(InitializeParams parameters) =>
        parameters.Capabilities is { ValueKind: JsonValueKind.Object } capabilities
        && capabilities.TryGetProperty("textDocument", out var textDocument) && textDocument.ValueKind == JsonValueKind.Object
        && textDocument.TryGetProperty("diagnostic", out var diagnostic) && diagnostic.ValueKind == JsonValueKind.Object;

    /// <summary>The specification asks a server to exit when the process that started it dies.</summary>
    private static async Task WatchParentAsync(int processId, ServerContext context)
    {
        while (!context.Exit.Task.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            if (!IsAlive(processId))
            {
                context.Client.Log($"The client process {processId} is gone; exiting.", 2);
                context.Exit.TrySetResult(1);
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
