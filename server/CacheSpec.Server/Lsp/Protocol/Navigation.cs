namespace CacheSpec.Server.Lsp.Protocol;

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position,
    ReferenceContext? Context = null);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

/// <summary>
/// Text edits keyed by URI (Changes), or ordered document changes that may create files (DocumentChanges, when the
/// client supports them).
/// </summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]>? Changes, DocumentChange[]? DocumentChanges = null);

/// <summary>
/// One entry of WorkspaceEdit.documentChanges: a text document edit or a resource operation, written without a type
/// marker.
/// </summary>
[System.Text.Json.Serialization.JsonDerivedType(typeof(TextDocumentEdit))]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CreateFile))]
public abstract record DocumentChange;

/// <summary>
/// Version null: the edit applies to the file as it is (the server does not track the file's versions).
/// </summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] int? Version);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument,
    TextEdit[] Edits) : DocumentChange;

public sealed record CreateFileOptions(bool? Overwrite = null, bool? IgnoreIfExists = null);

public sealed record CreateFile(string Uri, CreateFileOptions? Options = null, string Kind = "create") : DocumentChange;

public sealed record PrepareRenameResult(Range Range, string Placeholder);

public sealed record DocumentHighlight(Range Range, DocumentHighlightKind Kind);

public sealed record WorkspaceSymbolParams(string Query);

public sealed record SymbolInformation(string Name, SymbolKind Kind, Location Location, string? ContainerName = null);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label, bool PaddingLeft);
