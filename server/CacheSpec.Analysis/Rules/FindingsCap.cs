using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Structure;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// Keeps at most <see cref="AnalysisLimits.MaxFindingsPerDocument"/> findings per file: the findings that cannot be
/// silenced (syntax errors, limits) first, then the most severe, each group in the analysis's order. One limit-exceeded
/// finding at the start of the file says how many were left out.
/// </summary>
internal static class FindingsCap
{
    /// <summary>The sorted findings of an analysis, capped per file and still sorted.</summary>
    public static List<Diagnostic> Apply(List<Diagnostic> sorted, IReadOnlyList<SpecFile> files,
        Comparison<Diagnostic> order)
    {
        var capped = new List<Diagnostic>(sorted.Count);
        for (var start = 0; start < sorted.Count;)
        {
            var end = start;
            while (end < sorted.Count && sorted[end].Path == sorted[start].Path)
            {
                end++;
            }
            if (end - start <= AnalysisLimits.MaxFindingsPerDocument)
            {
                capped.AddRange(sorted.GetRange(start, end - start));
            }
            else
            {
                capped.AddRange(Capped(sorted.GetRange(start, end - start), files, order));
            }
            start = end;
        }
        return capped;
    }

    private static List<Diagnostic> Capped(List<Diagnostic> findings, IReadOnlyList<SpecFile> files,
        Comparison<Diagnostic> order)
    {
        var kept = findings
            .Select((finding, index) => (finding, index))
            .OrderBy(pair => RuleCatalog.CannotBeSilenced(pair.finding.Code) ? 0 : 1)
            .ThenBy(pair => pair.finding.Severity)
            .ThenBy(pair => pair.index)
            .Take(AnalysisLimits.MaxFindingsPerDocument)
            .Select(pair => pair.finding)
            .ToList();
        var path = findings[0].Path;
        var text = files.FirstOrDefault(file => file.Path == path)?.Text;
        var left = (findings.Count - kept.Count).ToString("N0", CultureInfo.InvariantCulture);
        var cap = AnalysisLimits.MaxFindingsPerDocument.ToString("N0", CultureInfo.InvariantCulture);
        var start = new TextSpan(0, 0);
        kept.Add(new Diagnostic(LimitExceededRule.RuleId, DiagnosticSeverity.Error,
            $"This file has more findings than the {cap} the checker reports for one file: {left} less severe or " +
            "later findings are left out. Fix the first ones, or split the file.",
            path, start, text?.GetRange(start) ?? default));
        kept.Sort(order);
        return kept;
    }
}
