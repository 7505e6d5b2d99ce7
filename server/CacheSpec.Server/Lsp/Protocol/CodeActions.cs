using System.Text.Json;

namespace CacheSpec.Server.Lsp.Protocol;

/// <summary>
/// A diagnostic as a client sends it back in a code action request; only its range and code are read (any other shape
/// is tolerated).
/// </summary>
public sealed record DiagnosticReference(Range Range, JsonElement? Code = null);

public sealed record CodeActionContext(DiagnosticReference[]? Diagnostics = null, string[]? Only = null,
    int? TriggerKind = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range,
    CodeActionContext? Context = null) : ICheckedParams
{
    public string? Problem() =>
        ICheckedParams.NullItemIn(Context?.Diagnostics, "context.diagnostics")
            ?? ICheckedParams.NullItemIn(Context?.Only, "context.only");
}

public sealed record CodeAction(string Title, string Kind, Diagnostic[] Diagnostics, bool? IsPreferred,
    WorkspaceEdit Edit);

public sealed record CodeActionOptions(string[] CodeActionKinds);
