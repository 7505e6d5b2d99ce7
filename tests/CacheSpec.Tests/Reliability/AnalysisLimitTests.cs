using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>The engine's explicit limits: where each one starts, what it reports, and that nothing silences
/// it.</summary>
public class AnalysisLimitTests
{
    [Fact]
    public void The_limits_are_the_ones_the_rule_page_states()
    {
        Assert.Equal(8 * 1024 * 1024, AnalysisLimits.MaxTextLength);
        Assert.Equal(64, AnalysisLimits.MaxNestingDepth);
        Assert.Equal(100_000, AnalysisLimits.MaxAliasedNodes);
        Assert.Equal(TimeSpan.FromSeconds(10), AnalysisLimits.AnalysisTime);
        Assert.Equal(1_000, AnalysisLimits.MaxFindingsPerDocument);
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.RuleDocs, "limit-exceeded.md"));
        Assert.Contains("8 MiB (8,388,608 characters)", page);
        Assert.Contains("at most 64 inside each other", page);
        Assert.Contains("at most 100,000 entries and items", page);
        Assert.Contains("may run for 10 seconds", page);
        Assert.Contains("at most 1,000 findings", page);
    }

    [Fact]
    public void A_text_of_exactly_the_size_limit_is_checked_and_one_character_more_is_not()
    {
        var prefix = Specs.Header + "caches: []\n#";
        var atLimit = prefix + new string('x', AnalysisLimits.MaxTextLength - prefix.Length - 1) + "\n";
        Assert.Equal(AnalysisLimits.MaxTextLength, atLimit.Length);
        Assert.Empty(Specs.Analyze(atLimit).Diagnostics);
        Assert.Equal(new[] { "0:0 limit-exceeded" }, Specs.Found(Specs.Analyze(atLimit + " ")));
    }

    [Fact]
    public void Sixty_four_nested_collections_are_read_and_the_sixty_fifth_is_not()
    {
        Assert.Equal(new[] { "0:0 invalid-value" }, Specs.Found(Specs.Analyze(new string('[', 64) + new string(']', 64)
            + "\n")));
        Assert.Equal(new[] { "0:0 invalid-value", "0:64 limit-exceeded" }, Specs.Found(Specs.Analyze(new string('[', 65)
            + new string(']', 65) + "\n")));
    }

    [Fact]
    public void Reading_resumes_at_the_next_document_after_a_collection_too_deep()
    {
        // The root mapping and the list under x-deep are two levels: the 64th bracket is the 65th collection, and the
        // broken line after it is not read.
        var text = Specs.Header + "caches: []\nx-deep: " + new string('[', 70) + new string(']', 70)
            + "\nnot-read: [\n---\n" + Specs.Header + "caches: []\nunknown: 1\n";
        var analysis = Specs.Analyze(text);
        Assert.Equal(new[] { "5:0 unknown-key", "5:71 limit-exceeded", "13:0 unknown-key" }, Specs.Found(analysis));
        Assert.Equal(2, analysis.Model.Documents.Count);
    }

    [Fact]
    public void An_alias_of_a_list_larger_than_the_alias_budget_reads_as_absent()
    {
        string Spec(int items) => Specs.Header + "x-big: &big [" + string.Join(",", Enumerable.Repeat("a", items))
            + "]\ncaches: *big\n";
        var withinBudget = Specs.Analyze(Spec(AnalysisLimits.MaxAliasedNodes));
        Assert.Equal(new[] { "4:0 unknown-key" }, Specs.Found(withinBudget));
        Assert.Equal(AnalysisLimits.MaxAliasedNodes, withinBudget.Model.Documents[0].AliasedNodesRead);

        var overBudget = Specs.Analyze(Spec(AnalysisLimits.MaxAliasedNodes + 1));
        Assert.Equal(new[] { "4:0 unknown-key", "5:8 limit-exceeded" }, Specs.Found(overBudget));
        Assert.Equal("*big", overBudget.Model.Files[0].Text.GetText(overBudget.Diagnostics[1].Span));
        Assert.Equal(0, overBudget.Model.Documents[0].AliasedNodesRead);
    }

    [Fact]
    public void Aliases_of_small_shared_blocks_stay_well_within_the_budget()
    {
        var text = Specs.Header
            + "x-tls: &tls {minimumVersion: \"1.2\", nonSslPort: false}\nx-isolation: &closed {publicNetworkAccess: " +
                "Disabled}\ncaches:\n" +
            string.Concat(Enumerable.Range(0, 300).Select(i =>
                $"  - {{name: c{i}, tier: Basic, size: C0, tls: *tls, isolation: *closed}}\n"));
        var analysis = Specs.Analyze(text);
        Assert.DoesNotContain("limit-exceeded", analysis.Codes());
        Assert.Equal(900, analysis.Model.Documents[0].AliasedNodesRead);
        Assert.All(analysis.Model.Caches, cache => Assert.Equal("1.2", cache.MinimumTlsVersion!.Value));
    }

    private const string SuppressedSpec = Specs.Header
        + "caches:\n  - name: open\n    tier: Basic\n    size: C0\n    isolation:\n" +
        "      # cachespec-disable-next-line no-network-isolation -- a scratch cache without data\n      " +
            "publicNetworkAccess: Enabled\n";

    [Fact]
    public void Past_the_time_limit_the_remaining_rules_are_skipped_and_named_once()
    {
        var file = SpecFile.Create("a.cachespec.yaml", SuppressedSpec);
        Assert.Empty(SpecAnalyzer.Analyze(new[] { file }).Diagnostics);

        var analysis = SpecAnalyzer.Analyze(new[] { file, SpecFile.Create("b.cachespec.yaml", "a: [") },
            timeLimit: TimeSpan.Zero);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("a.cachespec.yaml", "limit-exceeded", DiagnosticSeverity.Error, new TextSpan(0, 0)),
            (finding.Path, finding.Code, finding.Severity, finding.Span));
        var skipped = RuleCatalog.All.Skip(1).Where(rule => rule.Id != "unused-suppression").Select(rule => rule.Id)
            .ToArray();
        Assert.Equal(RuleCatalog.All.Count - 2, skipped.Length);
        Assert.Equal(
            $"The analysis ran longer than 0 s, its time limit, so {skipped.Length} rule(s) did not run and their " +
            $"findings are missing: {string.Join(", ", skipped)}.",
            finding.Message);
    }

    [Fact]
    public void Past_the_time_limit_suppressions_still_apply_to_the_findings_made()
    {
        // no-network-isolation runs, the time is then up: cache-unreachable is skipped, and its suppression is not
        // judged unused.
        var rules = new[] { "no-network-isolation", "cache-unreachable", "unused-suppression" }.Select(id =>
            RuleCatalog.Find(id)!).ToArray();
        var file = SpecFile.Create("a.cachespec.yaml", SuppressedSpec.Replace("no-network-isolation",
            "no-network-isolation, cache-unreachable"));
        Assert.Equal(new[] { "9:58 unused-suppression" }, Specs.Found(SpecAnalyzer.Analyze(new[] { file }, rules)));
        var analysis = SpecAnalyzer.Analyze(new[] { file }, rules, TimeSpan.Zero);
        Assert.Equal(new[] { "0:0 limit-exceeded" }, Specs.Found(analysis));
        Assert.EndsWith("did not run and their findings are missing: cache-unreachable.", analysis.Diagnostics[0]
            .Message);
    }

    [Fact]
    public void Limit_findings_cannot_be_turned_off_or_suppressed()
    {
        var deep = Specs.Header + "caches: []\n# cachespec-disable-next-line limit-exceeded -- generated\nx-deep: "
            + new string('[', 70) + new string(']', 70) + "\n";
        var configuration = RuleCatalog.ParseConfiguration("""{"rules": {"limit-exceeded": "off"}}""",
            out var problems);
        Assert.Empty(problems);
        var analysis = SpecAnalyzer.Analyze(new[] { SpecFile.Create("a.cachespec.yaml", deep,
            configuration: configuration) });
        Assert.Equal(new[] { "5:30 invalid-suppression", "6:0 unknown-key", "6:71 limit-exceeded" },
            Specs.Found(analysis));
        Assert.Equal(DiagnosticSeverity.Error, analysis.Diagnostics[2].Severity);
        Assert.Equal("limit-exceeded cannot be suppressed: it says that part of the spec was not checked.",
            analysis.Diagnostics[0].Message);
    }

    [Fact]
    public void No_files_and_no_time_make_no_finding()
    {
        Assert.Empty(SpecAnalyzer.Analyze(Array.Empty<SpecFile>(), timeLimit: TimeSpan.Zero).Diagnostics);
    }
}
