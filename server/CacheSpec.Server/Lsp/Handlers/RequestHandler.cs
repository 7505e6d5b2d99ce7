using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>A request with typed params and result; params of the wrong shape are answered with InvalidParams (-32602).</summary>
public abstract class RequestHandler<TParams, TResult> : LspHandler
{
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    protected abstract JsonTypeInfo<TResult> ResultType { get; }

    public sealed override async Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var typed = ParamsReader.Read(parameters, ParamsType);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await HandleAsync(typed, context, cancellationToken).ConfigureAwait(false);
        return result is null ? null : JsonSerializer.SerializeToElement(result, ResultType);
    }

    protected abstract Task<TResult?> HandleAsync(TParams parameters, ServerContext context, CancellationToken cancellationToken);
}
