using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Transport;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>Messages from the server to the client: notifications, requests, and logging (to the client and to stderr, never stdout).</summary>
public sealed class LspClient
{
    private readonly JsonRpc rpc;
    private readonly LspMessageHandler messages;
    private readonly TextWriter log;

    internal LspClient(JsonRpc rpc, LspMessageHandler messages, TextWriter log)
    {
        this.rpc = rpc;
        this.messages = messages;
        this.log = log;
    }

    /// <summary>Notifications go straight to the message handler, which serializes them once, into their frame.</summary>
    public Task NotifyAsync<T>(string method, T value, JsonTypeInfo<T> type) => messages.NotifyAsync(method, value, type);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement made with the source-generated context.")]
    public Task<JsonElement> RequestAsync<T>(string method, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken = default) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement>(method, JsonSerializer.SerializeToElement(value, type), cancellationToken);

    public Task PublishDiagnosticsAsync(PublishDiagnosticsParams diagnostics) =>
        NotifyAsync("textDocument/publishDiagnostics", diagnostics, LspJsonContext.Default.PublishDiagnosticsParams);

    /// <summary>Logs to stderr and, best effort, to the client's window/logMessage (type 1 error ... 4 log).</summary>
    public void Log(string message, int type = 4)
    {
        log.WriteLine($"[cachespec] {message}");
        _ = NotifyAsync("window/logMessage", new LogMessageParams(type, message), LspJsonContext.Default.LogMessageParams)
            .ContinueWith(task => _ = task.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }
}
