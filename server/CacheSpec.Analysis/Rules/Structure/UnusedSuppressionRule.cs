using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Applies suppressions: runs after every other rule, removes the findings a valid suppression silences on its target
/// line, and reports each named rule that silenced nothing there.
/// </summary>
public sealed class UnusedSuppressionRule : Rule
{
    public override string Id => "unused-suppression";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Findings;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary => "A suppression comment silences no finding on the line it covers.";

    public override bool ReadsEarlierFindings => true;

    public override void Analyze(RuleContext context)
    {
        var silenced = new HashSet<Diagnostic>();
        var unused = new List<(Model.SpecFile File, string RuleId, Text.TextSpan Span, int Line)>();
        foreach (var file in context.Files)
        {
            context.Checkpoint();
            foreach (var suppression in file.Suppressions.Where(suppression => suppression.Reason is not null))
            {
                context.Checkpoint();
                foreach (var (ruleId, span) in suppression.Rules)
                {
                    if (RuleCatalog.CannotBeSilenced(ruleId) || RuleCatalog.Find(ruleId) is null)
                    {
                        continue;
                    }
                    var matches = context.Findings.Where(finding =>
                        finding.Path == file.Path && finding.Code == ruleId
                        && finding.Range.Start.Line == suppression.TargetLine).ToArray();
                    if (matches.Length == 0 && !context.WasSkipped(ruleId))
                    {
                        unused.Add((file, ruleId, span, suppression.TargetLine));
                    }
                    silenced.UnionWith(matches);
                }
            }
        }
        context.Remove(silenced);
        foreach (var (file, ruleId, span, line) in unused)
        {
            context.Report(file, span, $"Nothing on line {line + 1} raises '{ruleId}': remove this suppression.");
        }
    }
}
