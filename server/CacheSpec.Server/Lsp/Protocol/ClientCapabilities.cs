namespace CacheSpec.Server.Lsp.Protocol;

/// <summary>
/// What the server needs to know of the client's capabilities, read once from initialize. A capability the client does
/// not state, or states in a shape LSP does not give it, counts as not supported.
/// </summary>
public sealed record ClientCapabilities(
    bool PullsDiagnostics,
    bool RegistersFileWatchers,
    bool CreatesFilesInEdits,
    bool ShowsWorkDoneProgress)
{
    public static ClientCapabilities None { get; } = new(false, false, false, false);
}
