namespace CacheSpec.Server.Lsp.Protocol;

public sealed record CodeDescription(string Href);

public sealed record Diagnostic(Range Range, DiagnosticSeverity Severity, string Code, CodeDescription? CodeDescription,
    string Source, string Message);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier = null,
    string? PreviousResultId = null);

public sealed record FullDocumentDiagnosticReport(string Kind, string? ResultId, Diagnostic[] Items);

public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter = null);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position,
    CompletionContext? Context = null);

public sealed record TextEdit(Range Range, string NewText);

public sealed record CompletionItem(
    string Label,
    CompletionItemKind Kind,
    string? Detail,
    MarkupContent? Documentation,
    string? SortText,
    string? FilterText,
    InsertTextFormat? InsertTextFormat,
    TextEdit? TextEdit);

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, string? Detail, SymbolKind Kind, Range Range, Range SelectionRange,
    DocumentSymbol[]? Children);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);
