using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Server.Discovery;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// What handlers share: the workspace, the diagnostics publisher, the client, the lifecycle, and the session initialize
/// began (set once).
/// </summary>
public sealed class ServerContext
{
    private readonly HashSet<string> reportedConfigurations = new(StringComparer.Ordinal);
    private Session? session;

    public ServerContext(ServerWorkspace workspace, DiagnosticsPublisher publisher, LspClient client)
    {
        Workspace = workspace;
        Publisher = publisher;
        Client = client;
        workspace.ConfigurationFor = ConfigurationFor;
    }

    public ServerWorkspace Workspace { get; }

    public DiagnosticsPublisher Publisher { get; }

    public LspClient Client { get; }

    public Lifecycle Lifecycle { get; } = new();

    /// <summary>The session initialize began; <see cref="Session.None"/> before it.</summary>
    public Session Session => Volatile.Read(ref session) ?? Session.None;

    /// <summary>Finds and reads the cachespec.json files that govern the workspace's specs.</summary>
    public ConfigurationLocator Configurations { get; } = new();

    /// <summary>
    /// Hover and completion text, from the guidance embedded in the engine, with links to the copy shipped beside the
    /// server.
    /// </summary>
    public GuidanceRenderer Guidance { get; } = new(GuidanceIndex.Default, RuleDocumentation.GuidanceBaseUri);

    /// <summary>Starts the session; false when one was started already (initialize may come only once).</summary>
    public bool Begin(Session started) => Interlocked.CompareExchange(ref session, started, null) is null;

    /// <summary>
    /// Forgets the cachespec.json files read so far (one of them changed) and re-reads every spec with the new
    /// settings.
    /// </summary>
    public void ReloadConfigurations()
    {
        Configurations.Forget();
        lock (reportedConfigurations)
        {
            reportedConfigurations.Clear();
        }
        Workspace.Reconfigure();
    }

    private RuleConfiguration? ConfigurationFor(DocumentUri uri)
    {
        if (uri.Path is not { } path)
        {
            return null;
        }
        var (found, configurationPath, problems) = Configurations.For(path,
            LookupTop.InWorkspace(path, Session.Folders));
        var configuration = found.Guidance is null && Session.EditorGuidance is { } editorDefault
            ? found with { Guidance = editorDefault } : found;
        if (configurationPath is not null && problems.Count > 0 && FirstReport(configurationPath))
        {
            foreach (var problem in problems)
            {
                Client.Log($"{configurationPath}: {problem}; that setting is ignored.", MessageType.Warning);
            }
        }
        return configuration;
    }

    private bool FirstReport(string configurationPath)
    {
        lock (reportedConfigurations)
        {
            return reportedConfigurations.Add(configurationPath);
        }
    }
}
