namespace CacheSpec.Analysis.Diagnostics;

/// <summary>Severities in LSP's order: a lower number is more severe.</summary>
public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Hint = 4,
}
