using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// The writing end of the connection: responses, notifications and the server's own requests, each serialized once
/// straight into its frame and written in one write. The client's answers to the server's requests come back through
/// <see cref="Complete"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification =
    "A SemaphoreSlim whose wait handle is never asked for holds nothing to release, and the object lives as long as " +
    "the connection.")]
internal sealed class Connection
{
    private readonly Stream output;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> awaited = new(
        StringComparer.Ordinal);
    private long lastId;

    public Connection(Stream output)
    {
        this.output = output;
    }

    public Task NotifyAsync<T>(string method, T value, JsonTypeInfo<T> type) => WriteAsync(writer =>
    {
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, value, type);
    });

    /// <summary>
    /// Sends a request to the client; its result, or an <see cref="RpcException"/> for its error response.
    /// </summary>
    public async Task<JsonElement> RequestAsync<T>(string method, T value, JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
    {
        var id = RequestId.Of(Interlocked.Increment(ref lastId));
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        awaited[id.Text] = answer;
        using var cancelled = cancellationToken.Register(() => awaited.TryRemove(id.Text, out _));
        await WriteAsync(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, value, type);
        }).ConfigureAwait(false);
        return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands a response to the request of the server's it answers; false when it answers none (it is then dropped).
    /// </summary>
    public bool Complete(IncomingResponse response)
    {
        if (response.Id.Kind != JsonValueKind.Number || !awaited.TryRemove(response.Id.Text, out var answer))
        {
            return false;
        }
        if (response.Error.ValueKind == JsonValueKind.Object)
        {
            var code = response.Error.TryGetProperty("code", out var codeElement)
                && codeElement.ValueKind == JsonValueKind.Number
                && codeElement.TryGetInt32(out var number)
                ? number
                : LspErrorCodes.InternalError;
            var text = response.Error.TryGetProperty("message", out var message)
                && JsonStrings.Read(message) is { } given
                ? given
                : "the client answered with an error";
            answer.TrySetException(new RpcException(code, text));
        }
        else
        {
            answer.TrySetResult(response.Result.ValueKind == JsonValueKind.Undefined ? default
                : response.Result.Clone());
        }
        return true;
    }

    /// <summary>A result; a null <paramref name="result"/> writes JSON null.</summary>
    public Task RespondAsync(RequestId id, Action<Utf8JsonWriter>? result) => WriteAsync(writer =>
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WritePropertyName("result");
        if (result is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            result(writer);
        }
    });

    public Task RefuseAsync(RequestId id, int code, string text) =>
        WriteAsync(writer => WriteError(writer, id, code, text));

    /// <summary>The answer to a batch: an array with one error response per id.</summary>
    public Task RefuseBatchAsync(IReadOnlyList<RequestId> ids, int code, string text) => WriteFrameAsync(writer =>
    {
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            WriteError(writer, id, code, text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    private static void WriteError(Utf8JsonWriter writer, RequestId id, int code, string text)
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", text);
        writer.WriteEndObject();
    }

    /// <summary>One message object: "jsonrpc" and then the members the caller writes.</summary>
    private Task WriteAsync(Action<Utf8JsonWriter> members) => WriteFrameAsync(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        members(writer);
        writer.WriteEndObject();
    });

    /// <summary>
    /// Header and body in one write: one system call per message on standard output, which is not buffered.
    /// </summary>
    private async Task WriteFrameAsync(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }
        var header = $"Content-Length: {buffer.WrittenCount}\r\n\r\n";
        var frame = new byte[header.Length + buffer.WrittenCount];
        Encoding.ASCII.GetBytes(header, frame);
        buffer.WrittenSpan.CopyTo(frame.AsSpan(header.Length));
        await writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.WriteAsync(frame).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            writing.Release();
        }
    }
}
