using System.Text.Json;
using System.Text.Unicode;

namespace CacheSpec.Server.Lsp.Transport;

internal enum MessageKind
{
    Request,
    Notification,
    Response,
    Batch,
    ParseError,
    InvalidRequest,
}

/// <summary>
/// What a body holds, read from its top-level members only, before StreamJsonRpc sees it: StreamJsonRpc ends the connection on a body it
/// cannot read, where JSON-RPC 2.0 asks for an error response and the next message. <see cref="Id"/> is the id's raw JSON, to echo in
/// an error response; it is null when the id is absent or of a type JSON-RPC does not allow. <see cref="Params"/> is the kind of params
/// the handler will see.
/// </summary>
internal sealed record MessageEnvelope(MessageKind Kind, string? Method, byte[]? Id, JsonValueKind Params, string? Problem)
{
    /// <summary>Deeper than this is not a message; StreamJsonRpc itself reads only 64 levels, and such a request is refused with its id.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1000 };

    public static bool IsJson(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static MessageEnvelope Inspect(byte[] body)
    {
        try
        {
            return Read(body);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return new MessageEnvelope(MessageKind.ParseError, null, null, JsonValueKind.Undefined, exception.Message);
        }
    }

    private static MessageEnvelope Read(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            return new MessageEnvelope(MessageKind.ParseError, null, null, JsonValueKind.Undefined, "the body is not valid UTF-8");
        }
        var reader = new Utf8JsonReader(body, ReaderOptions);
        if (!reader.Read())
        {
            return new MessageEnvelope(MessageKind.ParseError, null, null, JsonValueKind.Undefined, "the body is empty");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var isArray = reader.TokenType == JsonTokenType.StartArray;
            reader.Skip();
            EnsureEnd(ref reader);
            return isArray
                ? new MessageEnvelope(MessageKind.Batch, null, null, JsonValueKind.Undefined, null)
                : Invalid(null, "a message must be a JSON object");
        }
        string? version = null;
        string? method = null;
        var methodToken = JsonTokenType.None;
        var idToken = JsonTokenType.None;
        byte[]? id = null;
        var parameters = JsonValueKind.Undefined;
        var isResponse = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "jsonrpc":
                    version = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();
                    break;
                case "method":
                    methodToken = reader.TokenType;
                    method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "id":
                    idToken = reader.TokenType;
                    id = idToken is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null
                        ? body[(int)reader.TokenStartIndex..(int)reader.BytesConsumed]
                        : null;
                    break;
                case "params":
                    parameters = reader.TokenType == JsonTokenType.StartArray ? PositionalKind(ref reader) : KindOf(reader.TokenType);
                    break;
                case "result" or "error":
                    isResponse = true;
                    break;
            }
            reader.Skip();
        }
        EnsureEnd(ref reader);
        if (methodToken == JsonTokenType.None)
        {
            return isResponse
                ? new MessageEnvelope(MessageKind.Response, null, id, JsonValueKind.Undefined, null)
                : Invalid(id, "a message needs a method (request or notification), or a result or an error (response)");
        }
        if (method is null)
        {
            return Invalid(id, "the method must be a string");
        }
        if (idToken != JsonTokenType.None && id is null)
        {
            return Invalid(null, "the id must be a string, a number or null");
        }
        if (version != "2.0")
        {
            return Invalid(id, "jsonrpc must be \"2.0\"");
        }
        var kind = idToken == JsonTokenType.None ? MessageKind.Notification : MessageKind.Request;
        return new MessageEnvelope(kind, method, id, parameters, null);
    }

    /// <summary>
    /// Params by position, read up to the array's end: none count as no params, one as that one (as StreamJsonRpc binds them; it sends
    /// a call without arguments as [], and vscode-jsonrpc a lone null argument as [null]); more are an array no LSP method takes.
    /// </summary>
    private static JsonValueKind PositionalKind(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }
        return count switch
        {
            0 => JsonValueKind.Undefined,
            1 => JsonValueKind.Object,
            _ => JsonValueKind.Array,
        };
    }

    private static MessageEnvelope Invalid(byte[]? id, string problem) => new(MessageKind.InvalidRequest, null, id, JsonValueKind.Undefined, problem);

    /// <summary>Throws when anything but whitespace follows the top-level value (a JSON text holds one value).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("more than one JSON value in the body");
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };
}
