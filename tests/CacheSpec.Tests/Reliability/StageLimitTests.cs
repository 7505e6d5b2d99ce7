using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Benchmarks;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>
/// The limits that bound a whole stage rather than one construct: the time limit inside the format check, the binder
/// and a running rule, and the cap on findings per file.
/// </summary>
public class StageLimitTests
{
    [Fact]
    public void A_file_with_more_findings_than_the_cap_keeps_the_first_ones_and_says_how_many_were_left_out()
    {
        // 1,500 unknown keys, and the cache they stand in is unreachable: 1,501 findings.
        var text = PathologicalSpecs.UnknownKeys(1_500);
        var analysis = Specs.Analyze(text);
        Assert.Equal(AnalysisLimits.MaxFindingsPerDocument + 1, analysis.Diagnostics.Count);
        var limit = Assert.Single(analysis.Diagnostics, d => d.Code == "limit-exceeded");
        Assert.Equal((0, 0), (limit.Span.Start, limit.Span.Length));
        Assert.Equal("This file has more findings than the 1,000 the checker reports for one file: 501 less severe " +
            "or later findings are left out. Fix the first ones, or split the file.", limit.Message);
        var kept = analysis.Diagnostics.Where(d => d.Code == "unknown-key").ToArray();
        Assert.Equal(999, kept.Length);
        Assert.StartsWith("Unknown key 'unknownKey0'", kept[0].Message);
        Assert.StartsWith("Unknown key 'unknownKey998'", kept[^1].Message);
    }

    [Fact]
    public void The_cap_keeps_errors_before_less_severe_findings_written_earlier()
    {
        // 1,200 caches open to the internet (a warning each) and, after them, one misspelled key (an error).
        var caches = string.Concat(Enumerable.Range(0, 1_200).Select(i =>
            $"  - {{name: c{i}, tier: Basic, size: C0, isolation: {{publicNetworkAccess: Enabled}}}}\n"));
        var analysis = Specs.Analyze(Specs.Header + "caches:\n" + caches + "tire: 1\n");
        Assert.Equal(AnalysisLimits.MaxFindingsPerDocument + 1, analysis.Diagnostics.Count);
        Assert.Contains(analysis.Diagnostics, d => d.Code == "unknown-key");
        Assert.Equal(analysis.Diagnostics.OrderBy(d => d.Span.Start).Select(d => d.Span.Start),
            analysis.Diagnostics.Select(d => d.Span.Start));
    }

    [Fact]
    public void The_time_limit_stops_a_running_rule_and_keeps_what_it_found()
    {
        var file = SpecFile.Create("a.cachespec.yaml", PathologicalSpecs.BrokenReferences(50));
        var rule = RuleCatalog.Find("unresolved-reference")!;
        Assert.Equal(50, SpecAnalyzer.Analyze(new[] { file }, new[] { rule }).Diagnostics.Count);

        var analysis = SpecAnalyzer.Analyze(new[] { file }, new[] { rule }, TimeSpan.Zero);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal("limit-exceeded", finding.Code);
        Assert.Equal("The analysis ran longer than 0 s, its time limit, so 1 rule(s) were stopped before they " +
            "finished and some of their findings are missing: unresolved-reference.", finding.Message);
    }

    [Fact]
    public void The_time_limit_stops_a_rule_that_reports_nothing_within_one_item_of_its_loop()
    {
        var file = SpecFile.Create("a.cachespec.yaml", PathologicalSpecs.CachesOnOneSubnet(50));
        var rule = RuleCatalog.Find("unresolved-reference")!;
        Assert.Empty(SpecAnalyzer.Analyze(new[] { file }, new[] { rule }).Diagnostics);

        var finding = Assert.Single(SpecAnalyzer.Analyze(new[] { file }, new[] { rule }, TimeSpan.Zero).Diagnostics);
        Assert.Equal("limit-exceeded", finding.Code);
        Assert.Contains("stopped before they finished and some of their findings are missing: unresolved-reference",
            finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_limit_stops_the_format_check_and_the_binder_and_each_says_where()
    {
        var host = new AnalysisHost(new AnalysisOptions { AnalysisTime = TimeSpan.Zero });
        var file = host.File("a.cachespec.yaml", PathologicalSpecs.CachesOnOneSubnet(20));
        var document = Assert.Single(file.Documents);
        Assert.Empty(document.FormatIssues);
        Assert.Empty(document.Caches);
        Assert.Equal(2, document.Limits.Count);
        Assert.StartsWith("The format check of this document ran longer than 0 s", document.Limits[0].Message);
        Assert.Equal(0, document.Limits[0].Span.Start);
        Assert.StartsWith("Reading this document ran longer than 0 s", document.Limits[1].Message);
        Assert.Equal("name: core", file.Text.GetText(new Analysis.Text.TextSpan(document.Limits[1].Span.Start, 10)));

        // Both, and the rules' own time limit (every rule after the first skipped), are reported.
        var analysis = host.Analyze(new[] { file });
        Assert.Equal(new[] { "0:0 limit-exceeded", "0:0 limit-exceeded", "5:4 limit-exceeded" },
            Specs.Found(analysis));
    }
}
