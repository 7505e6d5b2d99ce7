using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using CacheSpec.Server.Lsp.Handlers;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Transport;
using CacheSpec.Server.Lsp.Workspace;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// Runs the language server on a pair of streams: StreamJsonRpc over our own Content-Length framing (<see cref="LspMessageHandler"/>,
/// which answers broken input instead of ending the connection) and the System.Text.Json formatter (source-generated, no reflection
/// over message types). Returns the process exit code.
/// </summary>
public static class LanguageServerHost
{
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default) =>
        RunAsync(input, output, log, HandlerList.Create(), cancellationToken);

    /// <summary>The server with a given list of handlers (the tests add one that fails).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every type the formatter meets is in the source-generated LspJsonContext.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every type the formatter meets is in the source-generated LspJsonContext.")]
    internal static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, IReadOnlyList<LspHandler> handlers, CancellationToken cancellationToken)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = { TypeInfoResolver = LspJsonContext.Default } };
        handlers = handlers.Append(RefusalHandler.Unimplemented).Append(RefusalHandler.NotificationAsRequest).ToArray();
        var inOrder = new Dictionary<string, Action<JsonElement>>(StringComparer.Ordinal);
        var messages = new LspMessageHandler(output, input, formatter, handlers.Select(handler => handler.Method).ToHashSet(StringComparer.Ordinal),
            handlers.Where(handler => handler.IsNotification).Select(handler => handler.Method).ToHashSet(StringComparer.Ordinal), inOrder, log);
        using var rpc = new JsonRpc(messages);
        rpc.Disconnected += (_, e) => LogDisconnection(e, log);
        var workspace = new ServerWorkspace();
        var client = new LspClient(rpc, messages, log);
        var publisher = new DiagnosticsPublisher(workspace, client.PublishDiagnosticsAsync);
        var context = new ServerContext(workspace, publisher, client);
        var gate = new MethodGate(handlers, context);
        foreach (var handler in handlers)
        {
            var adapter = new MethodAdapter(handler, context, gate);
            if (handler.InOrder)
            {
                // As a notification; sent as a request, the transport renames it to RefusalHandler.NotificationAsRequestName.
                inOrder.Add(handler.Method, adapter.InvokeInOrder);
            }
            rpc.AddLocalRpcMethod(MethodAdapter.InvokeMethod, adapter, new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        rpc.StartListening();
        var publishing = publisher.RunAsync(stop.Token);
        var finished = await Task.WhenAny(rpc.Completion, context.Exit.Task, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
        if (finished == context.Exit.Task)
        {
            await messages.WaitForAnswersAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        stop.Cancel();
        publisher.Complete();
        try
        {
            await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            // A connection lost in the middle of a publication: the way out is the same, without a stack trace.
            log.WriteLine($"[cachespec] Publishing diagnostics stopped: {exception.GetType().Name}: {exception.Message}");
        }
        // The connection closing without "exit" is an abnormal end, as is the client process dying.
        return finished == context.Exit.Task ? context.Exit.Task.Result : 1;
    }

    /// <summary>The end of the input is the normal way out; anything else that ends the connection is said on stderr.</summary>
    private static void LogDisconnection(JsonRpcDisconnectedEventArgs disconnection, TextWriter log)
    {
        if (disconnection.Reason is not (DisconnectedReason.RemotePartyTerminated or DisconnectedReason.LocallyDisposed))
        {
            log.WriteLine($"[cachespec] The connection ended ({disconnection.Reason}): {disconnection.Description}");
        }
    }

    /// <summary>
    /// The object StreamJsonRpc (or, for a notification handled in order, the message handler) calls for one method: it checks the
    /// lifecycle, then hands the raw params to the handler.
    /// </summary>
    private sealed class MethodAdapter
    {
        public static readonly MethodInfo InvokeMethod = typeof(MethodAdapter).GetMethod(nameof(InvokeAsync))!;

        private readonly LspHandler handler;
        private readonly ServerContext context;
        private readonly MethodGate gate;

        public MethodAdapter(LspHandler handler, ServerContext context, MethodGate gate)
        {
            this.handler = handler;
            this.context = context;
            this.gate = gate;
        }

        /// <summary>
        /// A handler's unexpected exception becomes -32603: StreamJsonRpc would attach the exception as error data, which the source-generated
        /// serializer cannot write, and end the connection.
        /// </summary>
        public async Task<JsonElement?> InvokeAsync(JsonElement @params = default, CancellationToken cancellationToken = default)
        {
            if (gate.Refusal(handler.Method) is { } refusal)
            {
                throw refusal;
            }
            try
            {
                return await handler.HandleAsync(@params, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not (LocalRpcException or OperationCanceledException))
            {
                context.Client.Log($"{handler.Method} failed: {exception}", 1);
                throw new LocalRpcException($"Internal error in {handler.Method}: {exception.Message}") { ErrorCode = LspErrorCodes.InternalError };
            }
        }

        /// <summary>A notification handled as it is read: refused or failed, it is dropped, as StreamJsonRpc drops it (a failure is logged).</summary>
        public void InvokeInOrder(JsonElement @params)
        {
            var handled = InvokeAsync(@params);
            Debug.Assert(handled.IsCompleted, $"{handler.Method} is handled in order, so it must not wait.");
            try
            {
                handled.GetAwaiter().GetResult();
            }
            catch (LocalRpcException)
            {
                // Refused by the lifecycle, or bad params, which the handler has logged.
            }
        }
    }
}
