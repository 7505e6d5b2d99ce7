using System.Text.Json;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>exit: end the process, with code 0 after shutdown and 1 without, as the specification says.</summary>
public sealed class ExitHandler : LspHandler
{
    public override string Method => "exit";
    public override bool AllowedBeforeInitialize => true;

    public override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken)
    {
        context.Exit.TrySetResult(context.State == ServerState.ShuttingDown ? 0 : 1);
        return Task.FromResult<JsonElement?>(null);
    }
}
