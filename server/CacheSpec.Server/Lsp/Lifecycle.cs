using CacheSpec.Server.Lsp.Handlers;
using CacheSpec.Server.Lsp.JsonRpc;

namespace CacheSpec.Server.Lsp;

/// <summary>
/// The specification's lifecycle: before initialize only the methods that allow it run (a request gets -32002
/// ServerNotInitialized); after shutdown only exit runs (a request gets -32600). The handlers that move it on run in
/// order, so each message is checked against the state every message before it left.
/// </summary>
public sealed class Lifecycle
{
    private enum State
    {
        Uninitialized,
        Initialized,
        ShuttingDown,
    }

    private volatile State state = State.Uninitialized;

    public bool IsInitialized => state != State.Uninitialized;

    public bool IsShuttingDown => state == State.ShuttingDown;

    /// <summary>Completes with the process's exit code when "exit" arrives (0 after shutdown, 1 without).</summary>
    public TaskCompletionSource<int> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Initialize() => state = State.Initialized;

    public void ShutDown() => state = State.ShuttingDown;

    /// <summary>
    /// Why a method may not run now; null when it may. A method no handler implements is checked as any other.
    /// </summary>
    public RpcException? Refusal(LspHandler? handler) => state switch
    {
        State.Uninitialized when handler is not { AllowedBeforeInitialize: true } =>
            new RpcException(LspErrorCodes.ServerNotInitialized, "The server has not been initialized."),
        State.ShuttingDown when handler is not { AllowedAfterShutdown: true } =>
            new RpcException(LspErrorCodes.InvalidRequest, "The server is shutting down."),
        _ => null,
    };
}
