using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.JsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// A notification with typed params. Notifications get no answer, so bad params are logged and the notification
/// dropped.
/// </summary>
public abstract class NotificationHandler<TParams>(string method, JsonTypeInfo<TParams> paramsType) : LspHandler(method)
{
    public sealed override bool IsNotification => true;

    public sealed override Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        TParams typed;
        try
        {
            typed = ParamsReader.Read(parameters, paramsType);
        }
        catch (RpcException exception)
        {
            context.Client.Log($"Ignored {Method}: {exception.Message}", Protocol.MessageType.Warning);
            Unreadable(parameters, context);
            throw;
        }
        Handle(typed, context);
        return Task.FromResult<ResultWriter?>(null);
    }

    protected abstract void Handle(TParams parameters, ServerContext context);

    /// <summary>
    /// What follows from params that could not be read, besides the log line: nothing, unless a handler says.
    /// </summary>
    protected virtual void Unreadable(JsonElement parameters, ServerContext context)
    {
    }
}
