using System.Text.Json;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// One body read from the client, parsed once. The params and results are elements of <see cref="Document"/>, valid
/// until the message is disposed (after its handler is done).
/// </summary>
internal abstract record IncomingMessage(JsonDocument? Document) : IDisposable
{
    public void Dispose() => Document?.Dispose();
}

/// <summary>
/// A request: the client waits for an answer under <see cref="Id"/>. Params are an object or absent (Undefined).
/// </summary>
internal sealed record IncomingRequest(JsonDocument Document, RequestId Id, string Method,
    JsonElement Params) : IncomingMessage(Document);

internal sealed record IncomingNotification(JsonDocument Document, string Method,
    JsonElement Params) : IncomingMessage(Document);

/// <summary>The client's answer to a request of the server's: a result or an error.</summary>
internal sealed record IncomingResponse(JsonDocument Document, RequestId Id, JsonElement Result,
    JsonElement Error) : IncomingMessage(Document);

/// <summary>
/// A body that is no message the server can act on, answered with an error at once: for each id (one, or one per member
/// of a batch that expected an answer), or with id null; none when only notifications were refused.
/// </summary>
internal sealed record RefusedMessage(IReadOnlyList<RequestId> Ids, int Code, string Text,
    bool IsBatch = false) : IncomingMessage((JsonDocument?)null)
{
    /// <summary>
    /// A body that is not JSON: the next frame is looked for by its header rather than trusted to follow at once.
    /// </summary>
    public bool IsParseError => Code == LspErrorCodes.ParseError;
}
