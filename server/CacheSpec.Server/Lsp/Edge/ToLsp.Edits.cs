using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Protocol;
using Engine = CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Lsp.Edge;

/// <summary>
/// Workspace edits and code actions: the engine's fixes and renames, and the "configure this rule" actions.
/// </summary>
internal static partial class ToLsp
{
    public const string QuickFix = "quickfix";

    /// <summary>
    /// A sub-kind of quickfix: it belongs to a diagnostic and shows beside its fixes (and a client asking only for
    /// "quickfix" gets it), yet a client can tell it apart from a fix of the spec. It is never preferred, so no "auto
    /// fix" applies it.
    /// </summary>
    public const string ConfigureRule = "quickfix.configure";

    public static CodeAction Fix(CodeFix fix, Engine.Diagnostic diagnostic) => new(
        fix.Title,
        QuickFix,
        new[] { Diagnostic(diagnostic) },
        fix.IsPreferred ? true : null,
        WorkspaceEdit(fix.Edits.Select(edit => (edit.File, edit.Span, edit.NewText))));

    public static WorkspaceEdit Rename(IEnumerable<RenameEdit> edits) =>
        WorkspaceEdit(edits.Select(edit => (edit.File, edit.Span, edit.NewText)));

    /// <summary>
    /// Text edits by file; every range refers to the file's text before the edit, as LSP's text edits do.
    /// </summary>
    private static WorkspaceEdit WorkspaceEdit(IEnumerable<(SpecFile File, TextSpan Span, string NewText)> edits) =>
        new(edits.GroupBy(edit => edit.File)
            .ToDictionary(
                group => group.Key.Path,
                group => group.OrderBy(edit => edit.Span.Start)
                    .Select(edit => new TextEdit(Range(edit.File.Text, edit.Span), edit.NewText))
                    .ToArray()));

    public static string ConfigureTitle(string ruleId) => $"Configure rule '{ruleId}' in cachespec.json";

    /// <summary>An edit of an existing cachespec.json (span and new text against its current text).</summary>
    public static CodeAction ConfigureAction(
        string ruleId, IEnumerable<Engine.Diagnostic> diagnostics, string configurationPath, SourceText text,
            TextSpan span, string newText) => new(
        ConfigureTitle(ruleId),
        ConfigureRule,
        Diagnostics(diagnostics),
        null,
        new WorkspaceEdit(new Dictionary<string, TextEdit[]>
        {
            [Uri(configurationPath)] = new[] { new TextEdit(Range(text, span), newText) },
        }));

    /// <summary>
    /// A new cachespec.json: a create operation (never over an existing file) followed by the edit that fills it.
    /// </summary>
    public static CodeAction CreateConfigurationAction(
        string ruleId, IEnumerable<Engine.Diagnostic> diagnostics, string configurationPath, string text)
    {
        var uri = Uri(configurationPath);
        var start = new Position(0, 0);
        return new(
            ConfigureTitle(ruleId),
            ConfigureRule,
            Diagnostics(diagnostics),
            null,
            new WorkspaceEdit(null, new DocumentChange[]
            {
                new CreateFile(uri, new CreateFileOptions(Overwrite: false, IgnoreIfExists: false)),
                new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null),
                    new[] { new TextEdit(new Protocol.Range(start, start), text) }),
            }));
    }
}
