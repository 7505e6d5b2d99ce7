using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Protocol;
using Engine = CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// Messages from the server to the client: notifications, requests, and logging (to the client and to stderr, never
/// stdout).
/// </summary>
public sealed class LspClient
{
    private readonly Connection connection;
    private readonly TextWriter log;

    internal LspClient(Connection connection, TextWriter log)
    {
        this.connection = connection;
        this.log = log;
    }

    public Task NotifyAsync<T>(string method, T value, JsonTypeInfo<T> type) =>
        connection.NotifyAsync(method, value, type);

    /// <summary>The client's result; throws <see cref="RpcException"/> when the client answers with an error.</summary>
    public Task<JsonElement> RequestAsync<T>(string method, T value, JsonTypeInfo<T> type,
        CancellationToken cancellationToken = default) =>
        connection.RequestAsync(method, value, type, cancellationToken);

    public Task PublishDiagnosticsAsync(string uri, int? version, IEnumerable<Engine.Diagnostic> findings,
        bool outOfSync) =>
        NotifyAsync("textDocument/publishDiagnostics", ToLsp.Publication(uri, version, findings, outOfSync),
            LspJsonContext.Default.PublishDiagnosticsParams);

    /// <summary>Logs to stderr and, best effort, to the client's window/logMessage.</summary>
    public void Log(string message, MessageType type = MessageType.Log)
    {
        log.WriteLine($"[cachespec] {message}");
        _ = NotifyAsync("window/logMessage", ToLsp.Log(type, message), LspJsonContext.Default.LogMessageParams)
            .ContinueWith(task => _ = task.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
