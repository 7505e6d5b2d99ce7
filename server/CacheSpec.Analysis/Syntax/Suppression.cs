using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// A "# cachespec-disable-next-line rule-id[, rule-id] -- reason" comment: the rules it names, its reason, and the line
/// it covers.
/// </summary>
public sealed record Suppression(int Line, TextSpan Span, IReadOnlyList<(string RuleId, TextSpan Span)> Rules,
    string? Reason)
{
    /// <summary>The line whose findings it silences: the next line that is not blank or another comment.</summary>
    public int TargetLine { get; init; } = Line + 1;
}
