using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.Handlers;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CacheSpec.Server.Lsp.Transport;

/// <summary>
/// LSP's Content-Length framing for StreamJsonRpc, made to survive a misbehaving client. StreamJsonRpc's own handler ends the connection
/// on any frame or body it cannot read; this one answers as JSON-RPC 2.0 asks and reads on:
/// <list type="bullet">
/// <item>a body that is not JSON: -32700 Parse error with id null, then the next frame is looked for by its header;</item>
/// <item>a frame whose headers cannot be read (no or a non-numeric Content-Length, one above <see cref="FrameReader.MaxBodyBytes"/>):
/// -32700 with id null, and the input is skipped up to the next Content-Length header, never buffered;</item>
/// <item>JSON that is not a request object: -32600 Invalid Request, with the request's id when it has one;</item>
/// <item>a batch (LSP does not use them): -32600 for each member that expected an answer, in one array, as JSON-RPC 2.0 answers a batch;</item>
/// <item>params that are neither an object nor a one-item array: -32602 (every LSP method takes an object);</item>
/// <item>a request for a method no handler implements ($/cancelRequest included, a notification): renamed to
/// <see cref="RefusalHandler.UnimplementedName"/>, so the lifecycle is checked in turn before -32601; such a notification is dropped;</item>
/// <item>a response to no request the server sent (StreamJsonRpc would end the connection): logged and dropped.</item>
/// </list>
/// Two shortcuts around StreamJsonRpc: the notifications whose handlers must run in order (document synchronisation,
/// <see cref="LspHandler.InOrder"/>) are handled here, on the reading thread, before the next message is read; and the server's own
/// notifications are written here (<see cref="NotifyAsync"/>), serialized once, straight into their frame.
/// </summary>
internal sealed class LspMessageHandler : MessageHandlerBase
{
    /// <summary>Handled by StreamJsonRpc itself, as a notification.</summary>
    private const string CancelRequest = "$/cancelRequest";

    private readonly Stream output;
    private readonly PipeReader input;
    private readonly FrameReader frames;
    private readonly TextWriter log;
    private readonly IReadOnlySet<string> implemented;
    private readonly IReadOnlySet<string> notifications;
    private readonly IReadOnlyDictionary<string, Action<JsonElement>> inOrder;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly HashSet<RequestId> outstanding = new();
    /// <summary>The ids of the client's requests read and not yet answered: JSON-RPC lets one id stand for one request at a time.</summary>
    private readonly HashSet<RequestId> inFlight = new();
    private readonly object answering = new();
    private int unanswered;
    private TaskCompletionSource? allAnswered;

    /// <param name="notifications">The methods the server implements as notifications: sent as requests, they are refused.</param>
    /// <param name="inOrder">The handlers of the notifications handled as they are read, by method.</param>
    public LspMessageHandler(
        Stream output, Stream input, IJsonRpcMessageFormatter formatter, IReadOnlySet<string> implemented, IReadOnlySet<string> notifications,
        IReadOnlyDictionary<string, Action<JsonElement>> inOrder, TextWriter log)
        : base(formatter)
    {
        this.output = output;
        this.input = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        frames = new FrameReader(this.input);
        this.implemented = implemented;
        this.notifications = notifications;
        this.inOrder = inOrder;
        this.log = log;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await frames.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.IsEnd)
            {
                return null;
            }
            if (frame.Body is not { } body)
            {
                await RefuseAsync(null, LspErrorCodes.ParseError, $"Parse error: {frame.Problem}", cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (await AcceptAsync(body, cancellationToken).ConfigureAwait(false) is { } message)
            {
                if (message is JsonRpcRequest { IsResponseExpected: true } request)
                {
                    bool isNew;
                    lock (inFlight)
                    {
                        isNew = inFlight.Add(request.RequestId);
                    }
                    if (!isNew)
                    {
                        // StreamJsonRpc cannot hold two requests under one id (it fails, and the connection with it): refused here.
                        await RefuseAsync(IdBytes(request.RequestId), LspErrorCodes.InvalidRequest, $"Invalid request: the id {request.RequestId} is already in use by a request not yet answered.",
                            cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    lock (answering)
                    {
                        unanswered++;
                    }
                }
                return message;
            }
        }
    }

    /// <summary>The message StreamJsonRpc should handle, or null when the body was answered (or dropped) here.</summary>
    private async ValueTask<JsonRpcMessage?> AcceptAsync(byte[] body, CancellationToken cancellationToken)
    {
        var envelope = MessageEnvelope.Inspect(body);
        switch (envelope.Kind)
        {
            case MessageKind.ParseError:
                frames.Resynchronize();
                await RefuseAsync(null, LspErrorCodes.ParseError, $"Parse error: {envelope.Problem}", cancellationToken).ConfigureAwait(false);
                return null;
            case MessageKind.InvalidRequest:
                await RefuseAsync(envelope.Id, LspErrorCodes.InvalidRequest, $"Invalid request: {envelope.Problem}", cancellationToken).ConfigureAwait(false);
                return null;
            case MessageKind.Batch:
                await RefuseBatchAsync(body, cancellationToken).ConfigureAwait(false);
                return null;
            case MessageKind.Notification when !implemented.Contains(envelope.Method!) && envelope.Method != CancelRequest:
                return null;
            case MessageKind.Request or MessageKind.Notification when envelope.Params is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined):
                await RefuseParamsAsync(envelope, cancellationToken).ConfigureAwait(false);
                return null;
            case MessageKind.Notification when inOrder.TryGetValue(envelope.Method!, out var handle):
                HandleInOrder(envelope.Method!, body, handle);
                return null;
        }
        JsonRpcMessage message;
        try
        {
            message = Formatter.Deserialize(new ReadOnlySequence<byte>(body));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only what StreamJsonRpc reads stricter than JSON-RPC: an id out of a long's range, nesting past 64 levels.
            if (envelope.Kind == MessageKind.Request)
            {
                await RefuseAsync(envelope.Id, LspErrorCodes.InvalidRequest, $"Invalid request: {exception.Message}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log($"Dropped a {envelope.Kind.ToString().ToLowerInvariant()} that could not be read: {exception.Message}");
            }
            return null;
        }
        if (message is JsonRpcRequest { IsResponseExpected: true } request && !implemented.Contains(request.Method!))
        {
            request.Method = RefusalHandler.UnimplementedName;
        }
        else if (message is JsonRpcRequest { IsResponseExpected: true } notification && notifications.Contains(notification.Method!))
        {
            notification.Method = RefusalHandler.NotificationAsRequestName;
        }
        if (message is JsonRpcResult or JsonRpcError && !IsAwaited(((IJsonRpcMessageWithId)message).RequestId))
        {
            Log($"Dropped a response to id {((IJsonRpcMessageWithId)message).RequestId}: the server sent no such request, or it was answered already.");
            return null;
        }
        return message;
    }

    /// <summary>Hands the params to the handler: the params object itself, or the one item of params given by position.</summary>
    private void HandleInOrder(string method, byte[] body, Action<JsonElement> handle)
    {
        JsonDocument message;
        try
        {
            // Within StreamJsonRpc's own depth limit, as for every other message.
            message = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            Log($"Dropped a {method} notification that could not be read: {exception.Message}");
            return;
        }
        using (message)
        {
            var parameters = message.RootElement.TryGetProperty("params", out var given) ? given : default;
            if (parameters.ValueKind == JsonValueKind.Array)
            {
                parameters = parameters.GetArrayLength() == 1 ? parameters[0] : default;
            }
            handle(parameters);
        }
    }

    /// <summary>Writes a notification to the client, its params serialized with their source-generated type information.</summary>
    public async Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, type);
            writer.WriteEndObject();
        }
        await WriteFrameAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An id as the JSON it was sent as (a string or a number), for an error written here.</summary>
    private static byte[] IdBytes(RequestId id)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (id.String is { } text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                writer.WriteNumberValue(id.Number ?? 0);
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private bool IsAwaited(RequestId id)
    {
        lock (outstanding)
        {
            return outstanding.Remove(id);
        }
    }

    /// <summary>A request gets -32602 (-32601 for a method the server does not implement); a notification is dropped.</summary>
    private async ValueTask RefuseParamsAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Kind == MessageKind.Notification)
        {
            Log($"Dropped a {envelope.Method} notification: its params are not an object.");
            return;
        }
        var (code, text) = !implemented.Contains(envelope.Method!)
            ? (LspErrorCodes.MethodNotFound, "The server does not implement this method.")
            : notifications.Contains(envelope.Method!)
                ? (LspErrorCodes.InvalidRequest, "Invalid request: this method is a notification; send it without an id.")
                : (LspErrorCodes.InvalidParams, $"Invalid params: the params of {envelope.Method} must be an object.");
        await RefuseAsync(envelope.Id, code, text, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask RefuseAsync(byte[]? id, int code, string text, CancellationToken cancellationToken)
    {
        Log($"Refused a message ({code}): {text}");
        await WriteFrameAsync(ErrorResponse.For(id, code, text), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An empty batch is one invalid request; otherwise every member that expected an answer gets -32600, in one array.</summary>
    private async ValueTask RefuseBatchAsync(byte[] body, CancellationToken cancellationToken)
    {
        const string text = "Invalid request: the Language Server Protocol does not use JSON-RPC batches; send each message in its own frame.";
        using var batch = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 1000 });
        var members = batch.RootElement.EnumerateArray().ToArray();
        Log($"Refused a batch of {members.Length} message(s).");
        if (members.Length == 0)
        {
            await WriteFrameAsync(ErrorResponse.For(null, LspErrorCodes.InvalidRequest, text), cancellationToken).ConfigureAwait(false);
            return;
        }
        var ids = members.Where(ExpectsAnswer).Select(IdOf).ToArray();
        if (ids.Length > 0)
        {
            await WriteFrameAsync(ErrorResponse.ForBatch(ids, LspErrorCodes.InvalidRequest, text), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every member but a notification (an object with a string method and no id) expects an answer.</summary>
    private static bool ExpectsAnswer(JsonElement member) =>
        !(member.ValueKind == JsonValueKind.Object && !member.TryGetProperty("id", out _)
          && member.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String);

    private static byte[]? IdOf(JsonElement member) =>
        member.ValueKind == JsonValueKind.Object && member.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? Encoding.UTF8.GetBytes(id.GetRawText())
            : null;

    protected override async ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request)
        {
            lock (outstanding)
            {
                outstanding.Add(request.RequestId);
            }
        }
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        await WriteFrameAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
        if (content is JsonRpcResult or JsonRpcError)
        {
            lock (inFlight)
            {
                inFlight.Remove(((IJsonRpcMessageWithId)content).RequestId);
            }
            lock (answering)
            {
                if (--unanswered == 0)
                {
                    allAnswered?.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, until every request read so far has been answered: a client may send "exit" right behind
    /// "shutdown", and the process must not end before the answer to "shutdown" is written.
    /// </summary>
    public async Task WaitForAnswersAsync(TimeSpan limit)
    {
        Task answered;
        lock (answering)
        {
            if (unanswered <= 0)
            {
                return;
            }
            allAnswered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            answered = allAnswered.Task;
        }
        await Task.WhenAny(answered, Task.Delay(limit)).ConfigureAwait(false);
    }

    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Writes header and body in one write: one system call per message on standard output, which is not buffered.</summary>
    private async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var header = $"Content-Length: {body.Length}\r\n\r\n";
        var frame = new byte[header.Length + body.Length];
        Encoding.ASCII.GetBytes(header, frame);
        body.CopyTo(frame.AsMemory(header.Length));
        await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            output.Flush();
        }
        finally
        {
            writing.Release();
        }
    }

    private void Log(string message) => log.WriteLine($"[cachespec] {message}");

    protected override void DisposeReader()
    {
        input.Complete();
        base.DisposeReader();
    }

    protected override void DisposeWriter()
    {
        writing.Dispose();
        base.DisposeWriter();
    }
}
