using System.Text.Json;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>shutdown: stop taking requests; the process ends on exit.</summary>
public sealed class ShutdownHandler : LspHandler
{
    public override string Method => "shutdown";

    public override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken)
    {
        context.State = ServerState.ShuttingDown;
        context.Publisher.Complete();
        return Task.FromResult<JsonElement?>(null);
    }
}
