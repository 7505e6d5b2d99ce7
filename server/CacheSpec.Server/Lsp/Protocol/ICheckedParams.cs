namespace CacheSpec.Server.Lsp.Protocol;

/// <summary>
/// Params with arrays of objects or strings. The serializer enforces required and non-nullable members, but not the
/// items of an array: a client may send [null], which no LSP array of these holds. ParamsReader asks for
/// <see cref="Problem"/> and answers InvalidParams.
/// </summary>
public interface ICheckedParams
{
    /// <summary>What makes these params invalid, or null when they are valid.</summary>
    string? Problem();

    static string? NullItemIn<T>(IEnumerable<T?>? items, string name) where T : class =>
        items is not null && items.Any(item => item is null) ? $"{name} holds a null item" : null;
}
