using System.Text.Json;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;
using CacheSpec.Server.Discovery;
using CacheSpec.Server.Lsp.Edge;
using CacheSpec.Server.Lsp.Protocol;

namespace CacheSpec.Server.Lsp.Handlers;

/// <summary>
/// textDocument/codeAction: the quick fixes of the current snapshot's diagnostics that overlap the requested range, or
/// that match a diagnostic the client sends by code and range. The fixes are computed from the snapshot's analysis,
/// never from the client's payload. Each rule found there also gets "Configure rule" (kind quickfix.configure): it
/// turns the rule off in the governing cachespec.json, or creates one in the spec's folder when none exists and the
/// client can create files through a workspace edit.
/// </summary>
public sealed class CodeActionHandler() : RequestHandler<CodeActionParams, CodeAction[]>(
    "textDocument/codeAction", LspJsonContext.Default.CodeActionParams, LspJsonContext.Default.CodeActionArray)
{
    protected override CodeAction[] Handle(CodeActionParams parameters, ServerContext context,
        CancellationToken cancellationToken)
    {
        var only = parameters.Context?.Only;
        var fixes = Wants(only, ToLsp.QuickFix);
        var configure = Wants(only, ToLsp.ConfigureRule);
        if (DocumentRequest.Of(context, parameters.TextDocument.Uri) is not { } request || !(fixes || configure))
        {
            return Array.Empty<CodeAction>();
        }
        var requested = FromLsp.Span(request.Text, parameters.Range);
        var sent = parameters.Context?.Diagnostics ?? Array.Empty<DiagnosticReference>();
        var actions = new List<CodeAction>();
        var matched = new List<Analysis.Diagnostics.Diagnostic>();
        foreach (var diagnostic in request.Engine.Findings(request.File))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Overlaps(diagnostic.Span, requested) && !sent.Any(reference => Matches(reference, diagnostic)))
            {
                continue;
            }
            matched.Add(diagnostic);
            if (fixes)
            {
                actions.AddRange(request.Engine.Fixes(diagnostic).Select(fix => ToLsp.Fix(fix, diagnostic)));
            }
        }
        if (configure && request.Document.Uri.Path is { } specPath && matched.Count > 0
            && ConfigurationOnDisk(specPath, context) is { } configuration)
        {
            foreach (var rule in matched.GroupBy(diagnostic => diagnostic.Code))
            {
                if (Configure(rule.Key, rule.ToArray(), configuration, context) is { } action)
                {
                    actions.Add(action);
                }
            }
        }
        return actions.ToArray();
    }

    /// <summary>
    /// The cachespec.json that governs the spec as the disk is now, read once per request: its path and text, or the
    /// path of a new one beside the spec (text null) when none exists; null when the one found may not be read (a
    /// symbolic link, not a regular file, larger than the bound, unreadable). The lookup stops at the workspace folder.
    /// </summary>
    private static (string Path, string? Text)? ConfigurationOnDisk(string specPath, ServerContext context)
    {
        var top = LookupTop.InWorkspace(specPath, context.Session.Folders);
        if (ConfigurationLocator.FindOnDisk(specPath, top) is not { } path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
            return (Path.Combine(folder, RuleConfiguration.FileName), null);
        }
        return ConfigurationFile.ReadFound(path).Text is { } text ? (path, text) : null;
    }

    /// <summary>Turns a rule off in the governing cachespec.json, or creates one that does.</summary>
    private static CodeAction? Configure(string ruleId, IReadOnlyList<Analysis.Diagnostics.Diagnostic> diagnostics,
        (string Path, string? Text) configuration, ServerContext context)
    {
        if (RuleCatalog.CannotBeSilenced(ruleId))
        {
            return null;
        }
        if (configuration.Text is { } text)
        {
            return RuleConfigurationEditor.SetLevel(text, RuleCatalog.Ids, ruleId) is { } edit
                ? ToLsp.ConfigureAction(ruleId, diagnostics, configuration.Path, new SourceText(text), edit.Span,
                    edit.NewText)
                : null;
        }
        var newText = RuleConfigurationEditor.NewFile(ruleId);
        if (!context.Session.Capabilities.CreatesFilesInEdits
            || RuleCatalog.ParseConfiguration(newText, out var problems).Rules.Count == 0 || problems.Count > 0)
        {
            return null;
        }
        return ToLsp.CreateConfigurationAction(ruleId, diagnostics, configuration.Path, newText);
    }

    /// <summary>
    /// A kind answers a request without "only", or one that asks for it, for a kind it refines ("quickfix" covers
    /// "quickfix.configure"), or for every kind ("").
    /// </summary>
    private static bool Wants(string[]? only, string kind) =>
        only is null
            || only.Any(asked =>
                asked.Length == 0 || asked == kind || kind.StartsWith(asked + ".", StringComparison.Ordinal));

    /// <summary>Touching counts: a cursor just after a word still gets the word's fixes.</summary>
    private static bool Overlaps(TextSpan diagnostic, TextSpan requested) =>
        diagnostic.Start <= requested.End && requested.Start <= diagnostic.End;

    private static bool Matches(DiagnosticReference reference, Analysis.Diagnostics.Diagnostic diagnostic) =>
        reference.Code is { ValueKind: JsonValueKind.String } code && code.GetString() == diagnostic.Code
        && reference.Range == ToLsp.Range(diagnostic.Range);
}
