using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

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
            return parameters.Deserialize(type) ?? throw new JsonException("params are null");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new LocalRpcException($"Invalid params: {exception.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        }
    }
}
