using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;

namespace CacheSpec.Server.Cli;

/// <summary>
/// The terminal form: "path:line:col severity code message" with one-based lines and columns, then a summary line.
/// Paths and messages are printed with their control characters escaped (<see cref="PrintableText"/>): one finding is
/// always one line.
/// </summary>
public static class TextReport
{
    public static void Write(TextWriter writer, IReadOnlyList<string> paths, AnalysisResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            var start = diagnostic.Range.Start;
            writer.WriteLine(
                $"{PrintableText.Of(diagnostic.Path)}:{start.Line + 1}:{start.Character + 1} " +
                $"{SeverityNames.Of(diagnostic.Severity)} " +
                $"{diagnostic.Code} {PrintableText.Of(diagnostic.Message)}");
        }
        var counts = result.Diagnostics.GroupBy(diagnostic => diagnostic.Severity)
            .ToDictionary(group => group.Key, group => group.Count());
        string Count(DiagnosticSeverity severity, string noun) =>
            $"{counts.GetValueOrDefault(severity)} {noun}{(counts.GetValueOrDefault(severity) == 1 ? "" : "s")}";
        var files = paths.Count == 1 ? "1 file" : $"{paths.Count} files";
        writer.WriteLine(
            $"{Count(DiagnosticSeverity.Error, "error")}, {Count(DiagnosticSeverity.Warning, "warning")}, " +
            $"{counts.GetValueOrDefault(DiagnosticSeverity.Info)} info in {files} checked.");
    }
}
