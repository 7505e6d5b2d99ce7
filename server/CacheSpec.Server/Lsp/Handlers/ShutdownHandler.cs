using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>shutdown: stop taking requests; the process ends on exit.</summary>
public sealed class ShutdownHandler() : LspHandler("shutdown")
{
    public override bool InOrder => true;

    public override Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        context.Lifecycle.ShutDown();
        context.Publisher.Complete();
        return Task.FromResult<ResultWriter?>(null);
    }
}
