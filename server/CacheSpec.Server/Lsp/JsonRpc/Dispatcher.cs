using System.Collections.Concurrent;
using System.Text.Json;
using CacheSpec.Server.Lsp.Handlers;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// The one place messages are routed. Each frame is parsed once and answered as JSON-RPC 2.0 and LSP ask, without ever
/// ending the connection over what a client sent:
/// <list type="bullet">
/// <item>a body that is not JSON: -32700 with id null, and the next frame is looked for by its header; JSON that is not
/// a message: -32600 (with its id when it has one); a batch, which LSP does not use: -32600 for each member that
/// expected an answer;</item>
/// <item>a request whose id is in use by an unanswered one: -32600; for a method no handler implements: -32601; for a
/// method the server implements as a notification: -32600; before initialize or after shutdown: see
/// <see cref="Lifecycle"/>; params that are not an object: -32602; a handler's failure: -32603 (logged); a request
/// cancelled by $/cancelRequest: -32800;</item>
/// <item>a notification nobody handles, refused, or with bad params is dropped; a response to no request of the
/// server's is logged and dropped.</item>
/// </list>
/// Handlers marked <see cref="LspHandler.InOrder"/> run on the reading thread before the next message is read; the
/// others on the thread pool, concurrently.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification =
    "A SemaphoreSlim whose wait handle is never asked for holds nothing to release, and the object lives as long as " +
    "the connection.")]
internal sealed class Dispatcher
{
    /// <summary>
    /// How many of the client's requests may wait for their answer at once. Past it, the server reads no further
    /// message until one is answered: a client that sends requests and never reads the answers fills its own pipe
    /// instead of the server's memory. No request handler waits for the client, so the answers always come.
    /// </summary>
    public const int MaxUnansweredRequests = 64;

    private const string CancelRequest = "$/cancelRequest";

    private readonly Dictionary<string, LspHandler> handlers;
    private readonly ServerContext context;
    private readonly Connection connection;
    private readonly TextWriter log;
    /// <summary>
    /// The client's requests read and not yet answered, by id: JSON-RPC lets one id stand for one request at a time.
    /// </summary>
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> running = new();
    private readonly SemaphoreSlim admitted = new(MaxUnansweredRequests, MaxUnansweredRequests);
    private readonly object answering = new();
    private int unanswered;
    private TaskCompletionSource? allAnswered;

    public Dispatcher(IEnumerable<LspHandler> handlers, ServerContext context, Connection connection, TextWriter log)
    {
        this.handlers = handlers.ToDictionary(handler => handler.Method, StringComparer.Ordinal);
        this.context = context;
        this.connection = connection;
        this.log = log;
    }

    /// <summary>Reads and dispatches messages until the input ends.</summary>
    public async Task RunAsync(FrameReader frames, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await frames.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.IsEnd)
            {
                return;
            }
            if (frame.Body is not { } body)
            {
                await RefuseAsync(RequestId.Null, LspErrorCodes.ParseError, $"Parse error: {frame.Problem}")
                    .ConfigureAwait(false);
                continue;
            }
            var message = MessageParser.Parse(body);
            if (message is RefusedMessage { IsParseError: true })
            {
                frames.Resynchronize();
            }
            try
            {
                await DispatchAsync(message).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or IOException))
            {
                // A last guard: one message the routing did not foresee must not end the connection.
                Log($"Dropped a message that could not be dispatched: {exception}");
            }
        }
    }

    private async Task DispatchAsync(IncomingMessage message)
    {
        switch (message)
        {
            case IncomingRequest request:
                await DispatchAsync(request).ConfigureAwait(false);
                break;
            case IncomingNotification notification:
                await DispatchAsync(notification).ConfigureAwait(false);
                break;
            case IncomingResponse response:
                using (response)
                {
                    if (!connection.Complete(response))
                    {
                        Log($"Dropped a response to id {response.Id}: the server sent no such request, or it was " +
                            "answered already.");
                    }
                }
                break;
            case RefusedMessage { IsBatch: true } batch:
                Log($"Refused a batch ({batch.Code}): {batch.Text}");
                if (batch.Ids.Count > 0)
                {
                    await connection.RefuseBatchAsync(batch.Ids, batch.Code, batch.Text).ConfigureAwait(false);
                }
                break;
            case RefusedMessage refused:
                await RefuseAsync(refused.Ids[0], refused.Code, refused.Text).ConfigureAwait(false);
                break;
        }
    }

    private async Task DispatchAsync(IncomingRequest request)
    {
        await admitted.WaitAsync().ConfigureAwait(false);
        var cancellation = new CancellationTokenSource();
        if (!running.TryAdd(request.Id, cancellation))
        {
            request.Dispose();
            cancellation.Dispose();
            admitted.Release();
            await RefuseAsync(request.Id, LspErrorCodes.InvalidRequest,
                $"Invalid request: the id {request.Id} is already in use by a request not yet answered.")
                    .ConfigureAwait(false);
            return;
        }
        lock (answering)
        {
            unanswered++;
        }
        handlers.TryGetValue(request.Method, out var handler);
        if (Refusal(handler, request) is { } refusal)
        {
            await AnswerAsync(request, cancellation, () => throw refusal).ConfigureAwait(false);
        }
        else if (handler!.InOrder)
        {
            await AnswerAsync(request, cancellation,
                () => handler.HandleAsync(request.Params, context, cancellation.Token)).ConfigureAwait(false);
        }
        else
        {
            _ = Task.Run(() =>
                AnswerAsync(request, cancellation,
                    () => handler.HandleAsync(request.Params, context, cancellation.Token)));
        }
    }

    private RpcException? Refusal(LspHandler? handler, IncomingRequest request)
    {
        if (context.Lifecycle.Refusal(handler) is { } lifecycle)
        {
            return lifecycle;
        }
        if (handler is null)
        {
            return new RpcException(LspErrorCodes.MethodNotFound, "The server does not implement this method.");
        }
        if (handler.IsNotification)
        {
            return new RpcException(LspErrorCodes.InvalidRequest,
                "Invalid request: this method is a notification; send it without an id.");
        }
        return IsObjectOrNone(request.Params)
            ? null
            : new RpcException(LspErrorCodes.InvalidParams,
                $"Invalid params: the params of {request.Method} must be an object.");
    }

    /// <summary>Runs a handler and writes its answer: its result, or the error its failure stands for.</summary>
    private async Task AnswerAsync(IncomingRequest request, CancellationTokenSource cancellation,
        Func<Task<ResultWriter?>> handle)
    {
        try
        {
            ResultWriter? result = null;
            RpcException? error = null;
            try
            {
                result = await handle().ConfigureAwait(false);
            }
            catch (RpcException refused)
            {
                error = refused;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                error = new RpcException(LspErrorCodes.RequestCancelled, "The request was cancelled.");
            }
            catch (Exception exception)
            {
                context.Client.Log($"{request.Method} failed: {exception}", Protocol.MessageType.Error);
                error = new RpcException(LspErrorCodes.InternalError,
                    $"Internal error in {request.Method}: {exception.Message}");
            }
            // The id is free again before the answer is written: a client may reuse it as soon as it reads the answer.
            running.TryRemove(request.Id, out _);
            if (error is null)
            {
                await connection.RespondAsync(request.Id, result is null ? null : result.Invoke).ConfigureAwait(false);
            }
            else
            {
                await connection.RefuseAsync(request.Id, error.Code, error.Message).ConfigureAwait(false);
            }
        }
        finally
        {
            request.Dispose();
            cancellation.Dispose();
            admitted.Release();
            Answered();
        }
    }

    private async Task DispatchAsync(IncomingNotification notification)
    {
        if (notification.Method == CancelRequest)
        {
            using (notification)
            {
                Cancel(notification.Params);
            }
            return;
        }
        if (!handlers.TryGetValue(notification.Method, out var handler)
            || context.Lifecycle.Refusal(handler) is not null)
        {
            notification.Dispose();
            return;
        }
        if (!IsObjectOrNone(notification.Params))
        {
            notification.Dispose();
            Log($"Dropped a {notification.Method} notification: its params are not an object.");
            return;
        }
        if (handler.InOrder)
        {
            await RunAsync(handler, notification).ConfigureAwait(false);
        }
        else
        {
            _ = Task.Run(() => RunAsync(handler, notification));
        }
    }

    /// <summary>
    /// A notification's handler; its failure is logged (bad params, which the handler logged itself, are not logged
    /// twice).
    /// </summary>
    private async Task RunAsync(LspHandler handler, IncomingNotification notification)
    {
        try
        {
            await handler.HandleAsync(notification.Params, context, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RpcException)
        {
        }
        catch (Exception exception)
        {
            context.Client.Log($"{handler.Method} failed: {exception}", Protocol.MessageType.Error);
        }
        finally
        {
            notification.Dispose();
        }
    }

    /// <summary>
    /// $/cancelRequest: the request's handler sees its token cancelled; an unknown or answered id is ignored.
    /// </summary>
    private void Cancel(JsonElement parameters)
    {
        if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("id", out var given)
            && RequestId.From(given) is { } id && running.TryGetValue(id, out var cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Answered meanwhile.
            }
        }
    }

    private static bool IsObjectOrNone(JsonElement parameters) =>
        parameters.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined;

    private async Task RefuseAsync(RequestId id, int code, string text)
    {
        Log($"Refused a message ({code}): {text}");
        await connection.RefuseAsync(id, code, text).ConfigureAwait(false);
    }

    private void Answered()
    {
        lock (answering)
        {
            if (--unanswered == 0)
            {
                allAnswered?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, until every request read so far has been answered: a client may send
    /// "exit" right behind "shutdown", and the process must not end before the answer to "shutdown" is written.
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

    private void Log(string message) => log.WriteLine($"[cachespec] {message}");
}
