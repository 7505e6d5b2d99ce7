using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Diagnostics;

/// <summary>
/// A finding: the rule that made it, how severe, what it says, and where (file path, offsets and line range). A
/// finding whose message can only summarise (a rule that blocks many flows) keeps the whole account in
/// <see cref="Detail"/>, Markdown that its hover shows below the message.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string Path, TextSpan Span,
    LineRange Range, string? Detail = null);
