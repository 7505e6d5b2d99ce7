using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Server.Lsp.Conversion;

/// <summary>
/// The engine's quick fixes as LSP code actions: kind "quickfix", the diagnostic they fix, and a workspace edit keyed by file URI.
/// Also the "configure this rule" actions, kind "quickfix.configure", which edit or create a cachespec.json.
/// </summary>
public static class CodeActionConverter
{
    public const string QuickFix = "quickfix";

    /// <summary>
    /// A sub-kind of quickfix: it belongs to a diagnostic and shows beside its fixes (and a client asking only for "quickfix" gets it), yet a
    /// client can tell it apart from a fix of the spec. It is never preferred, so no "auto fix" applies it.
    /// </summary>
    public const string ConfigureRule = "quickfix.configure";

    public static Protocol.CodeAction ToCodeAction(CodeFix fix, Analysis.Diagnostics.Diagnostic diagnostic) => new(
        fix.Title,
        QuickFix,
        new[] { LspConverter.ToLsp(diagnostic) },
        fix.IsPreferred ? true : null,
        ToWorkspaceEdit(fix.Edits));

    public static string ConfigureTitle(string ruleId) => $"Configure rule '{ruleId}' in cachespec.json";

    /// <summary>An edit of an existing cachespec.json (span and new text against its current text).</summary>
    public static Protocol.CodeAction ToConfigureAction(
        string ruleId, IEnumerable<Analysis.Diagnostics.Diagnostic> diagnostics, string configurationPath, SourceText configurationText, TextSpan span, string newText) => new(
        ConfigureTitle(ruleId),
        ConfigureRule,
        diagnostics.Select(LspConverter.ToLsp).ToArray(),
        null,
        new Protocol.WorkspaceEdit(new Dictionary<string, Protocol.TextEdit[]>
        {
            [LspConverter.ToUri(configurationPath)] = new[] { new Protocol.TextEdit(LspConverter.ToLsp(configurationText, span), newText) },
        }));

    /// <summary>A new cachespec.json: a create operation (never over an existing file) followed by the edit that fills it.</summary>
    public static Protocol.CodeAction ToCreateConfigurationAction(
        string ruleId, IEnumerable<Analysis.Diagnostics.Diagnostic> diagnostics, string configurationPath, string text)
    {
        var uri = LspConverter.ToUri(configurationPath);
        var start = new Protocol.Position(0, 0);
        return new(
            ConfigureTitle(ruleId),
            ConfigureRule,
            diagnostics.Select(LspConverter.ToLsp).ToArray(),
            null,
            new Protocol.WorkspaceEdit(null, new Protocol.DocumentChange[]
            {
                new Protocol.CreateFile(uri, new Protocol.CreateFileOptions(Overwrite: false, IgnoreIfExists: false)),
                new Protocol.TextDocumentEdit(new Protocol.OptionalVersionedTextDocumentIdentifier(uri, null),
                    new[] { new Protocol.TextEdit(new Protocol.Range(start, start), text) }),
            }));
    }

    /// <summary>Every range refers to the file's text before the fix, as LSP's text edits do.</summary>
    public static Protocol.WorkspaceEdit ToWorkspaceEdit(IEnumerable<FixEdit> edits) =>
        new(edits.GroupBy(edit => edit.File)
            .ToDictionary(
                group => group.Key.Path,
                group => group.OrderBy(edit => edit.Span.Start)
                    .Select(edit => new Protocol.TextEdit(LspConverter.ToLsp(edit.File.Text, edit.Span), edit.NewText))
                    .ToArray()));
}
