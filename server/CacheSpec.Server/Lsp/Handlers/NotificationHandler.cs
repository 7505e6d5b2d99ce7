using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>A notification with typed params. Notifications get no answer, so bad params are logged and dropped (sent as a request, -32602).</summary>
public abstract class NotificationHandler<TParams> : LspHandler
{
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    public sealed override bool IsNotification => true;

    public sealed override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken)
    {
        TParams typed;
        try
        {
            typed = ParamsReader.Read(parameters, ParamsType);
        }
        catch (LocalRpcException exception)
        {
            context.Client.Log($"Ignored {Method}: {exception.Message}", 2);
            throw;
        }
        Handle(typed, context);
        return Task.FromResult<JsonElement?>(null);
    }

    protected abstract void Handle(TParams parameters, ServerContext context);
}
