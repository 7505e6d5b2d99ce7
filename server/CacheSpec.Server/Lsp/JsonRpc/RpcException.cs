namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// A JSON-RPC error: thrown by a handler, it becomes the error response to its request; thrown to the server's own
/// code, it is the client's error response to a request of the server's.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public int Code { get; }
}
