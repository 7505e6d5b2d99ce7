using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>Reports what the format validator found (see Format/FormatValidator).</summary>
public sealed class UnknownKeyRule : FormatIssueRule
{
    public override string Id => "unknown-key";
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A key the format does not define.";
    public override FixProvider Fix { get; } = new UnknownKeyFix();
}
