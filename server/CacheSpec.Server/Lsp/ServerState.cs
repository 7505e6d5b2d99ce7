namespace CacheSpec.Server.Lsp;

/// <summary>The lifecycle the specification prescribes: requests are refused before initialize and after shutdown.</summary>
public enum ServerState
{
    Uninitialized,
    Initialized,
    ShuttingDown,
}
