using System.Text.Json;
using StreamJsonRpc;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// Answers requests the server refuses whatever their params: the transport renames them to one of these handlers' methods, so they
/// wait their turn like any other request and meet the lifecycle first (-32002 before initialize, -32600 after shutdown), then the
/// refusal. <see cref="Unimplemented"/> takes the requests for methods no handler implements (-32601); <see cref="NotificationAsRequest"/>
/// those for a method the server implements as a notification, didOpen sent with an id say (-32600), whose handler never runs.
/// </summary>
public sealed class RefusalHandler : LspHandler
{
    public const string UnimplementedName = "$/cachespec/unimplemented";
    public const string NotificationAsRequestName = "$/cachespec/notificationAsRequest";

    private readonly int code;
    private readonly string message;

    private RefusalHandler(string method, int code, string message)
    {
        Method = method;
        this.code = code;
        this.message = message;
    }

    public static RefusalHandler Unimplemented => new(UnimplementedName, LspErrorCodes.MethodNotFound, "The server does not implement this method.");

    public static RefusalHandler NotificationAsRequest =>
        new(NotificationAsRequestName, LspErrorCodes.InvalidRequest, "Invalid request: this method is a notification; send it without an id.");

    public override string Method { get; }

    public override Task<JsonElement?> HandleAsync(JsonElement parameters, ServerContext context, CancellationToken cancellationToken) =>
        throw new LocalRpcException(message) { ErrorCode = code };
}
