using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>A notification with typed params. Notifications get no answer, so bad params are logged and dropped.</summary>
public abstract class NotificationHandler<TParams> : LspHandler
{
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    public sealed override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken)
    {
        Handle(ParamsReader.Read(parameters, ParamsType), context);
        return Task.FromResult<JsonElement?>(null);
    }

    protected abstract void Handle(TParams parameters, ServerContext context);
}
