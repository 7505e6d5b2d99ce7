using System.Text.Json;
using System.Text.Json.Serialization;
using CacheSpec.Server.Discovery;

namespace CacheSpec.Server.Lsp.Protocol;

/// <summary>
/// A document's URI as the client spelled it (<see cref="Text"/>, echoed back in what the server sends about it) and
/// its canonical form (<see cref="Key"/>, computed once as the URI is read): the same file named two ways, "%3A" or
/// ":", is one document.
/// </summary>
[JsonConverter(typeof(DocumentUriConverter))]
public sealed class DocumentUri : IEquatable<DocumentUri>
{
    public DocumentUri(string text)
    {
        Text = text;
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.IsFile)
        {
            Path = parsed.LocalPath;
            Key = FileUri.FromPath(parsed.LocalPath);
        }
        else
        {
            Key = text;
        }
    }

    public string Text { get; }

    public string Key { get; }

    /// <summary>The file-system path of a file: URI; null for any other scheme (an untitled buffer, say).</summary>
    public string? Path { get; }

    /// <summary>A path's document, named by a URI that reads back as that path.</summary>
    public static DocumentUri FromPath(string path) => new(FileUri.FromPath(path));

    public bool Equals(DocumentUri? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as DocumentUri);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;
}

/// <summary>A URI is a JSON string; anything else makes the params invalid.</summary>
internal sealed class DocumentUriConverter : JsonConverter<DocumentUri>
{
    public override DocumentUri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new DocumentUri(reader.GetString()!)
            : throw new JsonException("a URI must be a string");

    public override void Write(Utf8JsonWriter writer, DocumentUri value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);
}
