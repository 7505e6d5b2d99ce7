using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>Reports what the format validator found (see Format/FormatValidator).</summary>
public sealed class InvalidValueRule : FormatIssueRule
{
    public override string Id => "invalid-value";
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "A value of the wrong type, not one of its enum values, not matching its pattern, or out of range.";
    public override FixProvider Fix { get; } = new InvalidValueFix();
}
