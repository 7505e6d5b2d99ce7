using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Server.Cli;

public static class SeverityNames
{
    /// <summary>The contract's names: error, warning, info, hint.</summary>
    public static string Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hint",
    };
}
