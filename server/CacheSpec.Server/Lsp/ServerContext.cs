using CacheSpec.Analysis.Guidance;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp;

/// <summary>What handlers share: the workspace, the diagnostics publisher, the client connection and the server's lifecycle.</summary>
public sealed class ServerContext
{
    public ServerContext(ServerWorkspace workspace, DiagnosticsPublisher publisher, LspClient client)
    {
        Workspace = workspace;
        Publisher = publisher;
        Client = client;
    }

    public ServerWorkspace Workspace { get; }

    /// <summary>Hover and completion text, from the guidance embedded in the engine, with links to the copy shipped beside the server.</summary>
    public GuidanceRenderer Guidance { get; } = new(GuidanceIndex.Default, RuleDocumentation.GuidanceBaseUri);

    public DiagnosticsPublisher Publisher { get; }

    public LspClient Client { get; }

    public ServerState State { get; set; } = ServerState.Uninitialized;

    public Protocol.InitializeParams? InitializeParams { get; set; }

    /// <summary>The folders the workspace scan reads (file-system paths).</summary>
    public IReadOnlyList<string> WorkspaceFolders { get; set; } = Array.Empty<string>();

    /// <summary>Completes with the process's exit code when "exit" arrives (0 after shutdown, 1 without).</summary>
    public TaskCompletionSource<int> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
