using System.Text.Json;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Texts as people leave them while typing: a mis-indented line, a tab, an unclosed bracket, an empty file, keys
/// carried over from other tools. Each file of tests/cases/breakages is checked alone and each folder as one workspace;
/// the exact findings are a baseline (tests/baselines/breakages/&lt;case&gt;.txt). A syntax error comes first among its
/// file's findings, and nothing the parser could not read is reported as if the author had written it.
/// </summary>
public class BrokenTextBaselineTests
{
    private static readonly SpecCases Cases = new("breakages");

    public static TheoryData<string> CaseNames => Cases.Names;

    private static (string Path, string Text)[] Load(string name) => Cases.Load(name);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Findings_match_their_baseline(string name)
    {
        var files = Load(name);
        var result = SpecAnalyzer.Analyze(files);
        var text = string.Concat(files.Select(file => $"# {file.Path}\n" + Specs.Render(result.For(file.Path))));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "breakages", name + ".txt"), text);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_syntax_error_comes_first_in_every_output(string name)
    {
        using var folder = new TempFolder();
        foreach (var (path, text) in Load(name))
        {
            folder.Write(path, text);
        }
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var (_, output, _) = CommandLineRunner.Run("check", folder.Path, "--format", format);
            foreach (var codes in CodesPerFile(format, output))
            {
                var firstOther = codes.FindIndex(code => code != "yaml-syntax");
                Assert.True(firstOther < 0 || !codes.Skip(firstOther).Contains("yaml-syntax"),
                    $"{format}: {string.Join(", ", codes)}");
            }
        }
    }

    private static IEnumerable<List<string>> CodesPerFile(string format, string output)
    {
        if (format == "text")
        {
            return output.Split('\n').Where(line => line.Contains(".cachespec.yaml:", StringComparison.Ordinal))
                .GroupBy(line => line[..line.IndexOf(".cachespec.yaml:", StringComparison.Ordinal)])
                .Select(group => group.Select(line => line.Split(' ')[2]).ToList());
        }
        using var json = JsonDocument.Parse(output);
        if (format == "json")
        {
            return json.RootElement.GetProperty("files").EnumerateArray()
                .Select(file => file.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code")
                    .GetString()!).ToList())
                .ToArray();
        }
        return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .GroupBy(result => result.GetProperty("locations")[0].GetProperty("physicalLocation")
                .GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Select(group => group.Select(result => result.GetProperty("ruleId").GetString()!).ToList())
            .ToArray();
    }

    [Fact]
    public void The_cases_cover_the_three_typical_breakages_each_with_exactly_one_finding()
    {
        foreach (var name in new[] { "mis-indent", "tab", "unclosed-flow" })
        {
            var result = SpecAnalyzer.Analyze(Load(name));
            Assert.Equal(new[] { ("yaml-syntax", DiagnosticSeverity.Error) }, result.Diagnostics.Select(d => (d.Code,
                d.Severity)));
        }
    }
}
