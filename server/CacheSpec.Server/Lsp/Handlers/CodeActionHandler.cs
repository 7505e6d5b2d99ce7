using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Lsp.Conversion;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/codeAction: the quick fixes of the current snapshot's diagnostics that overlap the requested range, or that match a
/// diagnostic the client sends by code and range. The fixes are computed from the snapshot's analysis, never from the client's payload.
/// </summary>
public sealed class CodeActionHandler : RequestHandler<CodeActionParams, CodeAction[]>
{
    public override string Method => "textDocument/codeAction";
    protected override JsonTypeInfo<CodeActionParams> ParamsType => LspJsonContext.Default.CodeActionParams;
    protected override JsonTypeInfo<CodeAction[]> ResultType => LspJsonContext.Default.CodeActionArray;

    protected override Task<CodeAction[]?> HandleAsync(CodeActionParams parameters, ServerContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Workspace.Current;
        if (snapshot.Find(parameters.TextDocument.Uri) is not { } document || !WantsQuickFixes(parameters.Context?.Only))
        {
            return Task.FromResult<CodeAction[]?>(Array.Empty<CodeAction>());
        }
        var requested = LspConverter.ToSpan(document.File.Text, parameters.Range);
        var sent = parameters.Context?.Diagnostics ?? Array.Empty<DiagnosticReference>();
        var actions = new List<CodeAction>();
        foreach (var diagnostic in snapshot.Analysis.For(document.Uri))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Overlaps(diagnostic.Span, requested) && !sent.Any(reference => Matches(reference, diagnostic)))
            {
                continue;
            }
            actions.AddRange(CodeFixes.For(snapshot.Analysis, diagnostic).Select(fix => CodeActionConverter.ToCodeAction(fix, diagnostic)));
        }
        return Task.FromResult<CodeAction[]?>(actions.ToArray());
    }

    /// <summary>Quick fixes answer a request without "only", or one that asks for "quickfix" (or for every kind, "").</summary>
    private static bool WantsQuickFixes(string[]? only) =>
        only is null || only.Any(kind => kind.Length == 0 || kind == CodeActionConverter.QuickFix);

    /// <summary>Touching counts: a cursor just after a word still gets the word's fixes.</summary>
    private static bool Overlaps(TextSpan diagnostic, TextSpan requested) => diagnostic.Start <= requested.End && requested.Start <= diagnostic.End;

    private static bool Matches(DiagnosticReference reference, Analysis.Diagnostics.Diagnostic diagnostic) =>
        reference.Code is { ValueKind: JsonValueKind.String } code && code.GetString() == diagnostic.Code
        && reference.Range == LspConverter.ToLsp(diagnostic.Range);
}
