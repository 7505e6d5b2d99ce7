using System.Text.Json;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// Answers every request for a method no handler implements; the transport renames such requests to <see cref="Name"/>, so they wait
/// their turn like any other request and meet the lifecycle first (-32002 before initialize, -32600 after shutdown), then -32601.
/// </summary>
public sealed class UnimplementedMethodHandler : LspHandler
{
    public const string Name = "$/cachespec/unimplemented";

    public override string Method => Name;

    public override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken) =>
        throw new LocalRpcException("The server does not implement this method.") { ErrorCode = LspErrorCodes.MethodNotFound };
}
