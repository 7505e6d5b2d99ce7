using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Server.Lsp.JsonRpc;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

internal static class ParamsReader
{
    /// <summary>Deserializes params, turning any shape mismatch into the protocol's InvalidParams error.</summary>
    public static T Read<T>(JsonElement parameters, JsonTypeInfo<T> type)
    {
        try
        {
            if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                throw new JsonException("params are missing");
            }
            var value = parameters.Deserialize(type) ?? throw new JsonException("params are null");
            return value is ICheckedParams checkedParams && checkedParams.Problem() is { } problem
                ? throw new JsonException(problem) : value;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException
            or InvalidOperationException or FormatException
                                              or ArgumentException)
        {
            throw new RpcException(LspErrorCodes.InvalidParams, $"Invalid params: {exception.Message}");
        }
    }
}
