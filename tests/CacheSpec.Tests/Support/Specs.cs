using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Tests.Support;

/// <summary>Small helpers to analyse specs written inline in tests.</summary>
public static class Specs
{
    public const string Header = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: test\n";

    public static AnalysisResult Analyze(string text, GuidanceProfile? profile = null) =>
        SpecAnalyzer.Analyze(new[] { ("test.cachespec.yaml", text) }, profile);

    public static AnalysisResult AnalyzeFiles(params (string Path, string Text)[] files) => SpecAnalyzer.Analyze(files);

    public static IReadOnlyList<string> Codes(this AnalysisResult result) => result.Diagnostics.Select(d => d.Code).ToArray();

    /// <summary>One line per diagnostic: "line:col-line:col severity code message", zero-based, for baselines and readable failures.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d =>
            $"{d.Range.Start.Line}:{d.Range.Start.Character}-{d.Range.End.Line}:{d.Range.End.Character} {d.Severity.ToString().ToLowerInvariant()} {d.Code} {d.Message}\n"));
}
