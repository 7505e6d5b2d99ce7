using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Diagnostics;

/// <summary>
/// A finding: the rule that made it, how severe, what it says, and where (file path, offsets and line range).
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, string Path, TextSpan Span,
    LineRange Range);
