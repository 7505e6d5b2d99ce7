namespace CacheSpec.Server.Lsp.Protocol;

// LSP's enumerations, serialized as the numbers the specification gives them.

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public enum CompletionItemKind
{
    Property = 10,
    Value = 12,
    Snippet = 15,
    Reference = 18,
}

public enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}

public enum SymbolKind
{
    Module = 2,
    Namespace = 3,
    Class = 5,
    Property = 7,
    Field = 8,
    Interface = 11,
    Struct = 23,
    Event = 24,
}

public enum DocumentHighlightKind
{
    Text = 1,
    Read = 2,
    Write = 3,
}

public enum TextDocumentSyncKind
{
    None = 0,
    Full = 1,
    Incremental = 2,
}

public enum MessageType
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Log = 4,
}

public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}
