using CacheSpec.Analysis.Fixes;

namespace CacheSpec.Server.Lsp.Conversion;

/// <summary>The engine's quick fixes as LSP code actions: kind "quickfix", the diagnostic they fix, and a workspace edit keyed by file URI.</summary>
public static class CodeActionConverter
{
    public const string QuickFix = "quickfix";

    public static Protocol.CodeAction ToCodeAction(CodeFix fix, Analysis.Diagnostics.Diagnostic diagnostic) => new(
        fix.Title,
        QuickFix,
        new[] { LspConverter.ToLsp(diagnostic) },
        fix.IsPreferred ? true : null,
        ToWorkspaceEdit(fix.Edits));

    /// <summary>Every range refers to the file's text before the fix, as LSP's text edits do.</summary>
    public static Protocol.WorkspaceEdit ToWorkspaceEdit(IEnumerable<FixEdit> edits) =>
        new(edits.GroupBy(edit => edit.File)
            .ToDictionary(
                group => group.Key.Path,
                group => group.OrderBy(edit => edit.Span.Start)
                    .Select(edit => new Protocol.TextEdit(LspConverter.ToLsp(edit.File.Text, edit.Span), edit.NewText))
                    .ToArray()));
}
