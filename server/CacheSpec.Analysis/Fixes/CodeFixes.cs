using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Analysis.Fixes;

/// <summary>
/// The front door of quick fixes: the fixes of a diagnostic of an analysis. It never throws: a provider that fails
/// offers nothing, and a fix whose edits overlap, or that edits a file with YAML syntax errors or would leave one, is
/// dropped.
/// </summary>
public static class CodeFixes
{
    public static IReadOnlyList<CodeFix> For(AnalysisResult analysis, Diagnostic diagnostic)
    {
        var fixes = new List<CodeFix>();
        try
        {
            if (analysis.Model.Files.FirstOrDefault(file => file.Path == diagnostic.Path) is not { } file)
            {
                return fixes;
            }
            var context = new FixContext(analysis, diagnostic, file);
            if (RuleCatalog.Find(diagnostic.Code)?.Fix is { } provider)
            {
                try
                {
                    fixes.AddRange(provider.Provide(context).Where(FixVerifier.IsSafe));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // A provider that fails offers no fix; the diagnostic itself is unaffected.
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Array.Empty<CodeFix>();
        }
        return fixes;
    }
}
