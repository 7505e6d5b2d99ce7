using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>exit: end the process, with code 0 after shutdown and 1 without, as the specification says.</summary>
public sealed class ExitHandler() : LspHandler("exit")
{
    public override bool AllowedBeforeInitialize => true;

    public override bool AllowedAfterShutdown => true;

    public override bool InOrder => true;

    public override Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        context.Lifecycle.Exit.TrySetResult(context.Lifecycle.IsShuttingDown ? 0 : 1);
        return Task.FromResult<ResultWriter?>(null);
    }
}
