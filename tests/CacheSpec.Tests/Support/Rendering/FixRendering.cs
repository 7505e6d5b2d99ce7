using CacheSpec.Tests.Fixes;

namespace CacheSpec.Tests.Support.Rendering;

/// <summary>
/// Every finding of a workspace with the quick fixes it offers: a "##" line per finding (file, range, severity, code,
/// message), a "###" line per fix (its title, "(preferred)" when an editor may apply it unasked), and what the fix
/// changes as a unified diff of each file it edits; "(no fix)" for a finding without one.
/// </summary>
public static class FixRendering
{
    public static string Render(IReadOnlyDictionary<string, string> files)
    {
        var workspace = new FeatureWorkspace(files.OrderBy(file => file.Key, StringComparer.Ordinal).Select(file =>
            (file.Key, file.Value)));
        var snapshot = workspace.Snapshot;
        var text = new System.Text.StringBuilder();
        foreach (var diagnostic in snapshot.Analysis.Diagnostics)
        {
            var range = $"{diagnostic.Range.Start}-{diagnostic.Range.End}";
            var severity = diagnostic.Severity.ToString().ToLowerInvariant();
            text.Append($"## {diagnostic.Path} {range} {severity} {diagnostic.Code} {diagnostic.Message}\n");
            var fixes = snapshot.Fixes(diagnostic);
            if (fixes.Count == 0)
            {
                text.Append("(no fix)\n");
            }
            foreach (var fix in fixes)
            {
                text.Append($"### {fix.Title}{(fix.IsPreferred ? " (preferred)" : string.Empty)}\n");
                var fixedFiles = FixApplier.Apply(files, fix);
                foreach (var path in fix.Edits.Select(edit => edit.File.Path).Distinct().Order(StringComparer.Ordinal))
                {
                    text.Append($"--- {path}\n").Append(LineDiff.Render(files[path], fixedFiles[path]));
                }
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
