using System.Text.Json;
using System.Text.Unicode;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// Turns a body into a message, parsing it once, or into the error JSON-RPC 2.0 asks for: -32700 for a body that is not
/// JSON, -32600 for JSON that is not a message (with the message's id when it has a usable one), and for each member of
/// a batch, which LSP does not use.
/// </summary>
internal static class MessageParser
{
    /// <summary>As deep as the typed params of a handler are read (System.Text.Json's own limit).</summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// How deep a body may be to count as JSON at all: one deeper than <see cref="Options"/> is a message refused with
    /// its id.
    /// </summary>
    private static readonly JsonDocumentOptions DeepOptions = new() { MaxDepth = 1000 };

    public static bool IsJson(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return false;
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = DeepOptions.MaxDepth });
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

    public static IncomingMessage Parse(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            return ParseError("the body is not valid UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException exception)
        {
            return body.Length == 0 ? ParseError("the body is empty") : TooDeep(body) ?? ParseError(exception.Message);
        }
        IncomingMessage message;
        try
        {
            message = Read(document);
        }
        catch (InvalidOperationException exception)
        {
            // A method or id with a lone surrogate escape, which no .NET string can hold.
            message = ParseError(exception.Message);
        }
        if (message.Document is null)
        {
            document.Dispose();
        }
        return message;
    }

    /// <summary>
    /// A body that is JSON only nested deeper than a message may be: refused with its id, when it has a usable one.
    /// </summary>
    private static RefusedMessage? TooDeep(byte[] body)
    {
        try
        {
            using var deep = JsonDocument.Parse(body, DeepOptions);
            var root = deep.RootElement;
            var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var given)
                ? RequestId.From(given) : null;
            return Invalid(id, $"the message is nested deeper than {Options.MaxDepth} levels");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IncomingMessage Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return Batch(root);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid(null, "a message must be a JSON object");
        }
        var hasId = root.TryGetProperty("id", out var idElement);
        var id = hasId ? RequestId.From(idElement) : null;
        if (!root.TryGetProperty("method", out var method))
        {
            return root.TryGetProperty("result", out var result) | root.TryGetProperty("error", out var error)
                ? new IncomingResponse(document, id ?? RequestId.Null, result, error)
                : Invalid(id, "a message needs a method (request or notification), or a result or an error (response)");
        }
        if (method.ValueKind != JsonValueKind.String)
        {
            return Invalid(id, "the method must be a string");
        }
        if (hasId && id is null)
        {
            return Invalid(null, "the id must be a string, a number or null");
        }
        if (!(root.TryGetProperty("jsonrpc", out var version) && version.ValueKind == JsonValueKind.String
            && version.ValueEquals("2.0")))
        {
            return Invalid(id, "jsonrpc must be \"2.0\"");
        }
        var parameters = ParamsOf(root);
        return id is { } requestId
            ? new IncomingRequest(document, requestId, method.GetString()!, parameters)
            : new IncomingNotification(document, method.GetString()!, parameters);
    }

    /// <summary>
    /// Params by position count as no params when there are none, as their one item when there is one (a client library
    /// may send a call's single argument so, and a lone null as [null]); more are an array, which no LSP method takes.
    /// </summary>
    private static JsonElement ParamsOf(JsonElement root)
    {
        if (!root.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return parameters;
        }
        return parameters.GetArrayLength() switch
        {
            0 => default,
            1 => parameters[0],
            _ => parameters,
        };
    }

    /// <summary>
    /// An empty batch is one invalid request; otherwise every member that expected an answer gets -32600, in one array.
    /// </summary>
    private static RefusedMessage Batch(JsonElement batch)
    {
        const string text =
            "Invalid request: the Language Server Protocol does not use JSON-RPC batches; send each message in its " +
            "own frame.";
        if (batch.GetArrayLength() == 0)
        {
            return new RefusedMessage(new[] { RequestId.Null }, LspErrorCodes.InvalidRequest, text);
        }
        var ids = batch.EnumerateArray().Where(ExpectsAnswer).Select(IdOfMember).ToArray();
        return new RefusedMessage(ids, LspErrorCodes.InvalidRequest, text, IsBatch: true);
    }

    /// <summary>Every member but a notification (an object with a string method and no id) expects an answer.</summary>
    private static bool ExpectsAnswer(JsonElement member) =>
        !(member.ValueKind == JsonValueKind.Object && !member.TryGetProperty("id", out _)
          && member.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String);

    private static RequestId IdOfMember(JsonElement member) =>
        member.ValueKind == JsonValueKind.Object && member.TryGetProperty("id", out var id)
            && RequestId.From(id) is { } usable
            ? usable
            : RequestId.Null;

    private static RefusedMessage ParseError(string problem) =>
        new(new[] { RequestId.Null }, LspErrorCodes.ParseError, $"Parse error: {problem}");

    private static RefusedMessage Invalid(RequestId? id, string problem) =>
        new(new[] { id ?? RequestId.Null }, LspErrorCodes.InvalidRequest, $"Invalid request: {problem}");
}
