namespace CacheSpec.Server.Lsp.Protocol;

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public sealed record PrepareRenameResult(Range Range, string Placeholder);

public sealed record DocumentHighlight(Range Range, int Kind);

public sealed record WorkspaceSymbolParams(string Query);

public sealed record SymbolInformation(string Name, int Kind, Location Location, string? ContainerName = null);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label, bool PaddingLeft);
