using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>One LSP method. The server registers every handler of HandlerList with StreamJsonRpc under its method name.</summary>
public abstract class LspHandler
{
    public abstract string Method { get; }

    /// <summary>Methods that may run before initialize (initialize itself, exit).</summary>
    public virtual bool AllowedBeforeInitialize => false;

    /// <summary>
    /// Document synchronisation: handled on the reading thread as soon as it is read, before the next message is. StreamJsonRpc would
    /// hand it to the thread pool, where two changes sent back to back may run side by side or swap places, and a request read after a
    /// change could run before it. Only a notification whose handling completes without waiting may say so.
    /// </summary>
    public virtual bool InOrder => false;

    /// <summary>A notification: the client sends it without an id, and one sent as a request is refused (-32600), not applied.</summary>
    public virtual bool IsNotification => false;

    /// <summary>Handles the raw params; returns the raw result (null for notifications or an empty result).</summary>
    public abstract Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken);
}
