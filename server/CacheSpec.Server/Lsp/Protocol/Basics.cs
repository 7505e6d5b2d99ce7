using System.Text.Json;

namespace CacheSpec.Server.Lsp.Protocol;

// The LSP 3.17 structures the server uses, written by hand (no LSP framework is served by our package registry).
// Property names are camel-cased by the serializer context; null properties are omitted.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>An incremental change when Range is set, the whole new text otherwise.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record LogMessageParams(int Type, string Message);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(FileEvent[] Changes);

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions = null);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record WorkDoneProgressCreateParams(JsonElement Token);

public sealed record ProgressParams(JsonElement Token, WorkDoneProgress Value);

/// <summary>The begin, report and end payloads of work-done progress in one shape; Kind says which.</summary>
public sealed record WorkDoneProgress(string Kind, string? Title = null, string? Message = null, int? Percentage = null);
