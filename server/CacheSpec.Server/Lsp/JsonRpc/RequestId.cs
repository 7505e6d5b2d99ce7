using System.Text.Json;

namespace CacheSpec.Server.Lsp.JsonRpc;

/// <summary>
/// A request's id as JSON-RPC allows it: a string, a number or null. Two ids are the same when they are the same JSON
/// value; a number is written back exactly as it was read.
/// </summary>
internal readonly record struct RequestId
{
    private RequestId(JsonValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The string's value, or the number's JSON text ("null" for null).</summary>
    public string Text { get; }

    public static RequestId Null => new(JsonValueKind.Null, "null");

    public static RequestId Of(long number) =>
        new(JsonValueKind.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The id of a member, or null when it is not a string (one a .NET string can hold), a number or null.
    /// </summary>
    public static RequestId? From(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => JsonStrings.Read(id) is { } text ? new RequestId(JsonValueKind.String, text) : null,
        JsonValueKind.Number => new RequestId(JsonValueKind.Number, id.GetRawText()),
        JsonValueKind.Null => Null,
        _ => null,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Text);
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Text, skipInputValidation: true);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public override string ToString() => Kind == JsonValueKind.String ? $"\"{Text}\"" : Text;
}
