using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// A request with typed params and result; params of the wrong shape are answered with InvalidParams (-32602).
/// </summary>
public abstract class RequestHandler<TParams, TResult>(string method, JsonTypeInfo<TParams> paramsType,
    JsonTypeInfo<TResult> resultType)
    : LspHandler(method)
{
    public sealed override Task<ResultWriter?> HandleAsync(JsonElement parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        var typed = ParamsReader.Read(parameters, paramsType);
        cancellationToken.ThrowIfCancellationRequested();
        var result = Handle(typed, context, cancellationToken);
        return Task.FromResult<ResultWriter?>(result is null ? null : writer =>
            JsonSerializer.Serialize(writer, result, resultType));
    }

    /// <summary>The answer for the snapshot current now; null is sent as JSON null.</summary>
    protected abstract TResult? Handle(TParams parameters, ServerContext context, CancellationToken cancellationToken);
}
