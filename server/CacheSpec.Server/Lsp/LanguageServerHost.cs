using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using CacheSpec.Server.Lsp.Handlers;
using CacheSpec.Server.Lsp.Protocol;
using CacheSpec.Server.Lsp.Workspace;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// Runs the language server on a pair of streams: StreamJsonRpc with Content-Length framing and the System.Text.Json formatter
/// (source-generated, no reflection over message types). Returns the process exit code.
/// </summary>
public static class LanguageServerHost
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every type the formatter meets is in the source-generated LspJsonContext.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every type the formatter meets is in the source-generated LspJsonContext.")]
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = { TypeInfoResolver = LspJsonContext.Default } };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        var workspace = new ServerWorkspace();
        var client = new LspClient(rpc, log);
        var publisher = new DiagnosticsPublisher(workspace, client.PublishDiagnosticsAsync);
        var context = new ServerContext(workspace, publisher, client);
        foreach (var handler in HandlerList.Create())
        {
            var adapter = new MethodAdapter(handler, context);
            rpc.AddLocalRpcMethod(MethodAdapter.InvokeMethod, adapter, new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        rpc.StartListening();
        var publishing = publisher.RunAsync(stop.Token);
        var finished = await Task.WhenAny(rpc.Completion, context.Exit.Task, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
        stop.Cancel();
        publisher.Complete();
        try
        {
            await publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        // The connection closing without "exit" is an abnormal end, as is the client process dying.
        return finished == context.Exit.Task ? context.Exit.Task.Result : 1;
    }

    /// <summary>The object StreamJsonRpc calls for one method: it enforces the lifecycle, then hands the raw params to the handler.</summary>
    private sealed class MethodAdapter
    {
        public static readonly MethodInfo InvokeMethod = typeof(MethodAdapter).GetMethod(nameof(InvokeAsync))!;

        private readonly LspHandler handler;
        private readonly ServerContext context;

        public MethodAdapter(LspHandler handler, ServerContext context)
        {
            this.handler = handler;
            this.context = context;
        }

        public Task<JsonElement?> InvokeAsync(JsonElement @params = default, CancellationToken cancellationToken = default)
        {
            if (context.State == ServerState.Uninitialized && !handler.AllowedBeforeInitialize)
            {
                throw new LocalRpcException("The server has not been initialized.") { ErrorCode = LspErrorCodes.ServerNotInitialized };
            }
            if (context.State == ServerState.ShuttingDown && handler is not ExitHandler)
            {
                throw new LocalRpcException("The server is shutting down.") { ErrorCode = LspErrorCodes.InvalidRequest };
            }
            return handler.HandleAsync(@params, context, cancellationToken);
        }
    }
}
