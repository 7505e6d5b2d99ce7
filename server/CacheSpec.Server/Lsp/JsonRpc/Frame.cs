namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// One read from the input: a message body, a framing problem the reader has already skipped past, or the end of the
/// input.
/// </summary>
internal readonly record struct Frame(byte[]? Body, string? Problem)
{
    public static Frame End => default;

    public bool IsEnd => Body is null && Problem is null;

    public static Frame Of(byte[] body) => new(body, null);

    public static Frame Broken(string problem) => new(null, problem);
}
