using System.Text.Json;

namespace CacheSpec.Server.Lsp.JsonRpc;

internal static class JsonStrings
{
    /// <summary>
    /// A JSON string's value; null for a string no .NET string can hold (a lone surrogate escape) or another kind of
    /// value.
    /// </summary>
    public static string? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
