using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>One LSP method. The server registers every handler of HandlerList with StreamJsonRpc under its method name.</summary>
public abstract class LspHandler
{
    public abstract string Method { get; }

    /// <summary>Methods that may run before initialize (initialize itself, exit).</summary>
    public virtual bool AllowedBeforeInitialize => false;

    /// <summary>Handles the raw params; returns the raw result (null for notifications or an empty result).</summary>
    public abstract Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken);
}
