using System.Text.Json;

namespace CacheSpec.Server.Lsp.Protocol;

// The LSP 3.17 structures the server uses, written by hand (no LSP framework is served by our package registry).
// Property names are camel-cased by the serializer context; null properties are omitted.

/// <summary>
/// A zero-based line and UTF-16 column. LSP types both as uinteger, so a negative one makes the params invalid
/// (-32602); one past the end of its line or of the document is valid and clamps.
/// </summary>
public sealed record Position
{
    private readonly int line;
    private readonly int character;

    public Position(int line, int character)
    {
        Line = line;
        Character = character;
    }

    public int Line
    {
        get => line;
        init => line = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(Line), value, "A position's line is never negative.");
    }

    public int Character
    {
        get => character;
        init => character = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(Character), value,
                "A position's character is never negative.");
    }
}

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(DocumentUri Uri);

public sealed record VersionedTextDocumentIdentifier(DocumentUri Uri, int Version);

public sealed record TextDocumentItem(
    DocumentUri Uri,
    string LanguageId,
    int Version,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(LenientTextConverter))] string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>An incremental change when Range is set, the whole new text otherwise.</summary>
public sealed record TextDocumentContentChangeEvent(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(LenientTextConverter))] string Text,
    Range? Range = null);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument,
    TextDocumentContentChangeEvent[] ContentChanges) : ICheckedParams
{
    public string? Problem() => ICheckedParams.NullItemIn(ContentChanges, "contentChanges");
}

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record LogMessageParams(MessageType Type, string Message);

public sealed record FileEvent(DocumentUri Uri, FileChangeType Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes) : ICheckedParams
{
    public string? Problem() => ICheckedParams.NullItemIn(Changes, "changes");
}

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions = null);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record WorkDoneProgressCreateParams(JsonElement Token);

public sealed record ProgressParams(JsonElement Token, WorkDoneProgress Value);

/// <summary>The begin, report and end payloads of work-done progress in one shape; Kind says which.</summary>
public sealed record WorkDoneProgress(string Kind, string? Title = null, string? Message = null,
    int? Percentage = null);
