using System.Buffers;
using System.Text.Json;

namespace CacheSpec.Server.Lsp.Transport;

/// <summary>The JSON-RPC error responses the transport writes itself, for messages that never reach a handler.</summary>
internal static class ErrorResponse
{
    /// <summary>One error response; a null id is written as JSON null (the id of a message that could not be read).</summary>
    public static byte[] For(byte[]? id, int code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, id, code, message);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The answer to a batch: an array with one error response per member that expected one.</summary>
    public static byte[] ForBatch(IEnumerable<byte[]?> ids, int code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in ids)
            {
                Write(writer, id, code, message);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, byte[]? id, int code, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        if (id is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(id);
        }
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
