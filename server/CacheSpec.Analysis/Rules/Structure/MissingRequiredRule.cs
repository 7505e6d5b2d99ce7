using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>Reports what the format validator found (see Format/FormatValidator).</summary>
public sealed class MissingRequiredRule : FormatIssueRule
{
    public override string Id => "missing-required";
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A required key is absent.";
    public override FixProvider Fix { get; } = new MissingRequiredFix();
}
