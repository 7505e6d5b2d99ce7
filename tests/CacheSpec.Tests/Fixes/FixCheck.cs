using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Tests.Fixes;

/// <summary>
/// Applies every fix of every diagnostic of a workspace, one at a time, re-analyses, and lists what went wrong: a new
/// YAML syntax error, the fixed finding still standing at its place (same code, same node), or a new error-level
/// finding. Only files that parse are fixed (CodeFixes.For offers nothing in a file with syntax errors).
/// </summary>
public static class FixCheck
{
    /// <summary>Fixes that by their nature bring an error with them, and which; the fix is still the user's choice to
    /// make.</summary>
    private static readonly Dictionary<(string Code, string Title), string[]> InherentErrors = new()
    {
        // Without a private endpoint, Disabled leaves the cache unreachable until one is added; the finding says so.
        [("public-access-unset", "Set publicNetworkAccess: Disabled")] = new[] { "cache-unreachable" },
    };

    public enum ProblemKind
    {
        BreaksYaml,
        LeavesFinding,
        NewError,
    }

    public sealed record Problem(ProblemKind Kind, Diagnostic Diagnostic, CodeFix Fix, string Message)
    {
        public override string ToString() => Message;
    }

    public sealed record Outcome(IReadOnlyList<(Diagnostic Diagnostic, CodeFix Fix)> Fixes,
        IReadOnlyList<Problem> Problems);

    public static Outcome Run(IReadOnlyDictionary<string, string> files)
    {
        var before = Analyze(files);
        var fixes = new List<(Diagnostic, CodeFix)>();
        var problems = new List<Problem>();
        foreach (var diagnostic in before.Diagnostics)
        {
            foreach (var fix in CodeFixes.For(before, diagnostic))
            {
                fixes.Add((diagnostic, fix));
                var fixedFiles = FixApplier.Apply(files, fix);
                var after = Analyze(fixedFiles);
                var label = $"{diagnostic.Path}:{diagnostic.Range.Start.Line}:{diagnostic.Range.Start.Character} " +
                    $"{diagnostic.Code} → '{fix.Title}'";
                var changed = string.Join("\n", fix.Edits.Select(edit =>
                    $"  {edit.File.Path} {edit.Span}: \"{edit.NewText}\""));
                if (Count(after, "yaml-syntax") > Count(before, "yaml-syntax"))
                {
                    problems.Add(new Problem(ProblemKind.BreaksYaml, diagnostic, fix,
                        $"{label} breaks the YAML:\n{changed}\n{Support.Specs.Render(after.Diagnostics)}"));
                }
                var (place, replaced) = FixApplier.Map(diagnostic.Span, fix.Edits.Where(edit =>
                    edit.File.Path == diagnostic.Path));
                // Several findings of one rule may share a node (one per missing key); the fix must remove one of them
                // at least.
                var there = before.For(diagnostic.Path).Count(d => d.Code == diagnostic.Code
                    && d.Span == diagnostic.Span);
                var still = after.For(diagnostic.Path).Where(d => d.Code == diagnostic.Code
                    && (replaced ? d.Span.Start >= place.Start && d.Span.Start <= place.End : d.Span == place))
                        .ToArray();
                if (still.Length >= there)
                {
                    problems.Add(new Problem(ProblemKind.LeavesFinding, diagnostic, fix,
                        $"{label} leaves the finding in place:\n{changed}\n{Support.Specs.Render(still)}"));
                }
                var allowed = InherentErrors.GetValueOrDefault((diagnostic.Code, fix.Title), Array.Empty<string>());
                foreach (var code in after.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
                    d.Code).Distinct())
                {
                    if (!allowed.Contains(code) && ErrorCount(after, code) > ErrorCount(before, code))
                    {
                        problems.Add(new Problem(ProblemKind.NewError, diagnostic, fix,
                            $"{label} brings a new {code} " +
                                $"error:\n{changed}\n"
                                + Support.Specs.Render(after.Diagnostics.Where(d => d.Code == code))));
                    }
                }
            }
        }
        return new Outcome(fixes, problems);
    }

    public static AnalysisResult Analyze(IReadOnlyDictionary<string, string> files) =>
        SpecAnalyzer.Analyze(files.OrderBy(file => file.Key, StringComparer.Ordinal).Select(file => (file.Key,
            file.Value)).ToArray());

    private static int Count(AnalysisResult result, string code) => result.Diagnostics.Count(d => d.Code == code);

    private static int ErrorCount(AnalysisResult result, string code) => result.Diagnostics.Count(d => d.Code == code
        && d.Severity == DiagnosticSeverity.Error);
}
