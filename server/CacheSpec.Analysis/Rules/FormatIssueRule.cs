namespace CacheSpec.Analysis.Rules;

/// <summary>A rule whose findings the format validator collects in its single walk of each document.</summary>
public abstract class FormatIssueRule : Rule
{
    public sealed override RuleCategory Category => RuleCategory.Structure;

    public sealed override RuleInputs Reads => RuleInputs.Document;

    public sealed override void Analyze(RuleContext context)
    {
        foreach (var document in context.Documents)
        {
            context.Checkpoint();
            foreach (var issue in document.FormatIssues)
            {
                context.Checkpoint();
                if (issue.RuleId == Id)
                {
                    context.Report(document, issue.Span, issue.Message);
                }
            }
        }
    }
}
