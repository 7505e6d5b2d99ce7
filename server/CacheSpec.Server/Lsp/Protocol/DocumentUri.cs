using System.Text.Json;
using System.Text.Json.Serialization;

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
            Key = FileUri(parsed.LocalPath);
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

    public static DocumentUri FromPath(string path) => new(FileUri(System.IO.Path.GetFullPath(path)));

    /// <summary>
    /// A path's file: URI, each segment escaped as a URI component, so a '%' in a file name is escaped itself:
    /// System.Uri would turn "a%41b" into "aAb", another file. (A Windows path is left to System.Uri, which knows drive
    /// letters.)
    /// </summary>
    private static string FileUri(string path) =>
        path.StartsWith('/')
            ? "file://" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString))
            : new Uri(path).AbsoluteUri;

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
