using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// A suppression comment must name known rules, give a reason after "--", and not try to silence a syntax error or a
/// limit.
/// </summary>
public sealed class InvalidSuppressionRule : Rule
{
    public override string Id => "invalid-suppression";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Text;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "A suppression comment names no rule or an unknown one, has no reason, or tries to silence yaml-syntax or " +
        "limit-exceeded.";

    public override void Analyze(RuleContext context)
    {
        foreach (var file in context.Files)
        {
            context.Checkpoint();
            foreach (var suppression in file.Suppressions)
            {
                context.Checkpoint();
                if (suppression.Rules.Count == 0)
                {
                    context.Report(file, suppression.Span,
                        "This suppression names no rule: write the rule id after cachespec-disable-next-line.");
                }
                foreach (var (ruleId, span) in suppression.Rules)
                {
                    if (ruleId == "yaml-syntax")
                    {
                        context.Report(file, span, "yaml-syntax cannot be suppressed: the text must be valid YAML.");
                    }
                    else if (RuleCatalog.CannotBeSilenced(ruleId))
                    {
                        context.Report(file, span,
                            $"{ruleId} cannot be suppressed: it says that part of the spec was not checked.");
                    }
                    else if (RuleCatalog.Find(ruleId) is null)
                    {
                        context.Report(file, span,
                            $"'{ruleId}' is not a rule id."
                            + (Format.Suggestions.Closest(ruleId,
                                RuleCatalog.All.Select(rule => rule.Id)) is { } suggestion
                                ? $" Did you mean '{suggestion}'?" : string.Empty));
                    }
                }
                if (suppression.Reason is null && suppression.Rules.Count > 0)
                {
                    context.Report(file, suppression.Span,
                        "This suppression gives no reason: add \"-- why this finding does not apply\".");
                }
            }
        }
    }
}
