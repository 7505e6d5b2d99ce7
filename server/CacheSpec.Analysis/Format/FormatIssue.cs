using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Format;

/// <summary>A place where a document departs from the format; the rule named by RuleId reports it.</summary>
public sealed record FormatIssue(string RuleId, TextSpan Span, string Message);
