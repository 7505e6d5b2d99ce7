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
        workspace.ConfigurationFor = ConfigurationFor;
    }

    /// <summary>The editor's default guidance profile (initializationOptions.guidance); a spec's own key and cachespec.json come first.</summary>
    public Analysis.Diagnostics.GuidanceProfile? EditorGuidance { get; set; }

    /// <summary>Finds and reads the cachespec.json files that govern the workspace's specs.</summary>
    public ConfigurationLocator Configurations { get; } = new();

    /// <summary>Forgets the cachespec.json files read so far (one of them changed) and re-reads every spec with the new settings.</summary>
    public void ReloadConfigurations()
    {
        Configurations.Forget();
        reportedConfigurations.Clear();
        Workspace.Reconfigure();
    }

    private readonly HashSet<string> reportedConfigurations = new(StringComparer.Ordinal);

    public ServerWorkspace Workspace { get; }

    /// <summary>Hover and completion text, from the guidance embedded in the engine, with links to the copy shipped beside the server.</summary>
    public GuidanceRenderer Guidance { get; } = new(GuidanceIndex.Default, RuleDocumentation.GuidanceBaseUri);

    public DiagnosticsPublisher Publisher { get; }

    public LspClient Client { get; }

    public ServerState State { get; set; } = ServerState.Uninitialized;

    public Protocol.InitializeParams? InitializeParams { get; set; }

    /// <summary>The folders the workspace scan reads (file-system paths).</summary>
    public IReadOnlyList<string> WorkspaceFolders { get; set; } = Array.Empty<string>();

    private Analysis.Configuration.RuleConfiguration? ConfigurationFor(string uri)
    {
        if (Conversion.LspConverter.ToPath(uri) is not { } path)
        {
            return null;
        }
        var (found, configurationPath, problems) = Configurations.For(path);
        var configuration = found.Guidance is null && EditorGuidance is { } editorDefault ? found with { Guidance = editorDefault } : found;
        if (configurationPath is not null && problems.Count > 0 && reportedConfigurations.Add(configurationPath))
        {
            foreach (var problem in problems)
            {
                Client.Log($"{configurationPath}: {problem}; that setting is ignored.", 2);
            }
        }
        return configuration;
    }

    /// <summary>Completes with the process's exit code when "exit" arrives (0 after shutdown, 1 without).</summary>
    public TaskCompletionSource<int> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
