using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

public sealed class YamlSyntaxRule : Rule
{
    public const string RuleId = "yaml-syntax";

    public override string Id => RuleId;
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Text;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "The text is not valid YAML.";

    public override void Analyze(RuleContext context)
    {
        foreach (var file in context.Files)
        {
            context.Checkpoint();
            foreach (var error in file.Syntax.Errors)
            {
                context.Checkpoint();
                context.Report(file, error.Span, error.Message);
            }
        }
    }
}
