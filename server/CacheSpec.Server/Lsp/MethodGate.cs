using CacheSpec.Server.Lsp.Handlers;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// The specification's lifecycle, checked as each request's turn comes (not as it is read, since the one before may be initialize or
/// shutdown): before initialize only the methods that allow it run (initialize, exit), and a request gets -32002 ServerNotInitialized;
/// after shutdown only exit runs, and a request gets -32600 InvalidRequest. A refused notification is dropped.
/// </summary>
internal sealed class MethodGate
{
    private readonly ServerContext context;
    private readonly HashSet<string> beforeInitialize;
    private readonly HashSet<string> afterShutdown;

    public MethodGate(IReadOnlyList<LspHandler> handlers, ServerContext context)
    {
        this.context = context;
        beforeInitialize = handlers.Where(handler => handler.AllowedBeforeInitialize).Select(handler => handler.Method).ToHashSet(StringComparer.Ordinal);
        afterShutdown = handlers.OfType<ExitHandler>().Select(handler => handler.Method).ToHashSet(StringComparer.Ordinal);
    }

    public LocalRpcException? Refusal(string method) => context.State switch
    {
        ServerState.Uninitialized when !beforeInitialize.Contains(method) =>
            new LocalRpcException("The server has not been initialized.") { ErrorCode = LspErrorCodes.ServerNotInitialized },
        ServerState.ShuttingDown when !afterShutdown.Contains(method) =>
            new LocalRpcException("The server is shutting down.") { ErrorCode = LspErrorCodes.InvalidRequest },
        _ => null,
    };
}
