using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>Writes a request's result into its response.</summary>
public delegate void ResultWriter(Utf8JsonWriter writer);

/// <summary>One LSP method; the dispatcher routes to it by <see cref="Method"/>.</summary>
public abstract class LspHandler
{
    protected LspHandler(string method)
    {
        Method = method;
    }

    public string Method { get; }

    /// <summary>Runs before initialize (initialize itself, exit).</summary>
    public virtual bool AllowedBeforeInitialize => false;

    /// <summary>Runs after shutdown (exit).</summary>
    public virtual bool AllowedAfterShutdown => false;

    /// <summary>
    /// Handled on the reading thread, before the next message is read: document synchronisation and the lifecycle, so a
    /// request read after a change sees it and the lifecycle is checked against the messages before. Only a handler
    /// that does not wait may say so; every other handler runs concurrently on the thread pool.
    /// </summary>
    public virtual bool InOrder => false;

    /// <summary>
    /// A notification: the client sends it without an id, and one sent as a request is refused (-32600), not applied.
    /// </summary>
    public virtual bool IsNotification => false;

    /// <summary>
    /// Handles the params (an object, or Undefined when none were sent); the result's writer, or null for JSON null.
    /// </summary>
    public abstract Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
        CancellationToken cancellationToken);
}
