namespace CacheSpec.Analysis.Diagnostics;

/// <summary>
/// How much a finding matters, most severe first: a severity compares lower than the ones it outranks.
/// </summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
    Hint,
}
