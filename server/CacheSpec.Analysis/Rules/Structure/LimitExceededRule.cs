using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Reports where the engine stopped at one of its <see cref="AnalysisLimits"/>: a file too large, collections nested
/// too deep, too much read through aliases. The analyzer reports the time limit under the same id.
/// </summary>
public sealed class LimitExceededRule : Rule
{
    public const string RuleId = "limit-exceeded";

    public override string Id => RuleId;
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Text;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "The spec is beyond one of the checker's limits (size, nesting, aliases, time), so part of it is not checked.";

    public override void Analyze(RuleContext context)
    {
        foreach (var file in context.Files)
        {
            context.Checkpoint();
            foreach (var limit in file.Syntax.Limits.Concat(file.Documents.SelectMany(document => document.Limits)))
            {
                context.Report(file, limit.Span, limit.Message);
            }
        }
    }
}
