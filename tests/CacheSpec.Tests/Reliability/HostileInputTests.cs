using System.Diagnostics;
using System.Text;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Reliability;

/// <summary>
/// Hostile documents: each is answered with diagnostics, never an exception, a hang or a stack overflow, and every
/// editor feature answers on it. Each test states the findings expected, as "line:column code" (zero-based).
/// </summary>
public class HostileInputTests
{
    private static SyntaxTree TreeOf(AnalysisResult analysis) => analysis.Model.Files[0].Syntax;

    /// <summary>Runs the work on a thread with a 256 KB stack: a walker that recursed once per level of a deep input
    /// would overflow it.</summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("The work failed on the small stack.",
            failure);
    }

    [Fact]
    public void A_ten_megabyte_spec_gets_one_size_finding_and_is_not_parsed()
    {
        var text = HostileSpecs.CachesOfLength(10 * 1024 * 1024);
        var clock = Stopwatch.StartNew();
        var file = Analysis.Model.SpecFile.Create("big.cachespec.yaml", text);
        var analysis = SpecAnalyzer.Analyze(new[] { file });
        clock.Stop();
        var answers = EditorFeatures.Ask(analysis, file, EditorFeatures.Offsets(file.Text));
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("limit-exceeded", DiagnosticSeverity.Error, new TextSpan(0, 0)), (finding.Code, finding.Severity,
            finding.Span));
        Assert.Contains("longer than 8,388,608 characters", finding.Message);
        Assert.Empty(analysis.Model.Files[0].Documents);
        Assert.Empty(answers.Symbols);
        Assert.Empty(answers.Folds);
        Assert.All(answers.Completions.Values, Assert.Empty);
        Assert.Contains("`limit-exceeded`", answers.Hovers[0]!.Markdown);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the analysis took {clock.Elapsed}");
    }

    [Fact]
    public void Ten_thousand_nested_flow_lists_stop_at_the_depth_limit()
    {
        var text = new string('[', 10_000) + new string(']', 10_000) + "\n";
        var (analysis, _) = OnSmallStack(() => EditorFeatures.AnalyzeAndAsk(text, 63, 64, 65, 9_999, 10_000));
        Assert.Equal(new[] { "0:0 invalid-value", "0:64 limit-exceeded" }, Specs.Found(analysis));
        var limit = analysis.Diagnostics.Single(d => d.Code == "limit-exceeded");
        Assert.Equal(new TextSpan(64, 1), limit.Span);
        Assert.StartsWith("This list is nested 65 collections deep, more than the 64 the checker reads", limit.Message);
        Assert.Equal(AnalysisLimits.MaxNestingDepth, HostileSpecs.Depth(TreeOf(analysis)));
    }

    [Fact]
    public void Ten_thousand_nested_flow_mappings_stop_at_the_depth_limit()
    {
        var text = string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "x" + new string('}', 10_000) + "\n";
        var (analysis, _) = OnSmallStack(() => EditorFeatures.AnalyzeAndAsk(text, 255, 256, 257, 40_000));
        Assert.Equal(new[] { "0:1 unknown-key", "0:256 limit-exceeded" }, Specs.Found(analysis));
        Assert.StartsWith("This mapping is nested 65 collections deep", analysis.Diagnostics[^1].Message);
        Assert.Equal(AnalysisLimits.MaxNestingDepth, HostileSpecs.Depth(TreeOf(analysis)));
    }

    [Fact]
    public void Ten_thousand_nested_block_lists_on_one_line_stop_at_the_depth_limit()
    {
        var text = string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        var (analysis, _) = OnSmallStack(() => EditorFeatures.AnalyzeAndAsk(text, 128, 129, 20_000));
        Assert.Equal(new[] { "0:0 invalid-value", "0:128 limit-exceeded" }, Specs.Found(analysis));
        Assert.Equal(AnalysisLimits.MaxNestingDepth, HostileSpecs.Depth(TreeOf(analysis)));
    }

    [Fact]
    public void Ten_thousand_nested_block_mappings_exceed_the_size_limit_and_three_thousand_the_depth_limit()
    {
        // One more space per level: 10,000 levels are 50 million characters, so the size limit answers first.
        var huge = HostileSpecs.NestedBlockMappings(10_000);
        var (tooLarge, _) = EditorFeatures.AnalyzeAndAsk(huge, huge.Length - 5);
        Assert.Equal(new[] { "0:0 limit-exceeded" }, Specs.Found(tooLarge));

        var text = HostileSpecs.NestedBlockMappings(3_000);
        Assert.True(text.Length < AnalysisLimits.MaxTextLength);
        var sixtyFifth = new SourceText(text).GetLineStart(64) + 64;
        var (analysis, answers) = OnSmallStack(() => EditorFeatures.AnalyzeAndAsk(text, sixtyFifth, sixtyFifth + 3,
            text.Length - 10));
        Assert.Equal(new[] { "0:0 unknown-key", "64:64 limit-exceeded" }, Specs.Found(analysis));
        Assert.Equal(AnalysisLimits.MaxNestingDepth, HostileSpecs.Depth(TreeOf(analysis)));
        // Folding follows the tree, so it stops where reading stopped.
        Assert.True(answers.Folds.All(fold => fold.StartLine < 64));
    }

    [Fact]
    public void A_billion_laughs_is_read_without_expanding_an_alias()
    {
        var lines = new List<string> { "x-lol0: &l0 [" + string.Join(", ", Enumerable.Repeat("lol", 9)) + "]" };
        for (var level = 1; level <= 10; level++)
        {
            lines.Add($"x-lol{level}: &l{level} [" + string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9)) + "]");
        }
        lines.Add("caches: *l10");
        var text = Specs.Header + string.Join('\n', lines) + "\n";
        var clock = Stopwatch.StartNew();
        var (analysis, answers) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf("*l9", StringComparison.Ordinal),
            text.Length - 3);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(Enumerable.Range(4, 11).Select(line => $"{line}:0 unknown-key"), Specs.Found(analysis));
        // The caches are nine lists of lists: nothing to bind, and only the nine items of the one list read were
        // counted.
        var document = analysis.Model.Documents.Single();
        Assert.Empty(document.Caches);
        Assert.Equal(9, document.AliasedNodesRead);
        Assert.Empty(answers.Symbols);
    }

    [Fact]
    public void Aliases_of_aliases_along_the_formats_lists_stop_at_the_alias_limit()
    {
        // 300 networks of 300 subnets of 300 routes would be 27 million routes read from a few thousand characters.
        string Aliases(string name) => string.Join(", ", Enumerable.Repeat(name, 300));
        var text = Specs.Header +
            "x-route: &r {name: r, addressPrefix: 10.1.0.0/24, nextHop: None}\n" +
            $"x-subnet: &s {{name: s, addressPrefix: 10.0.0.0/24, routes: [{Aliases("*r")}]}}\n" +
            $"x-network: &n {{name: n, addressSpace: [10.0.0.0/16], subnets: [{Aliases("*s")}]}}\n" +
            $"networks: [{Aliases("*n")}]\n" +
            "caches: []\n";
        var clock = Stopwatch.StartNew();
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf("*n", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        // Each subnet costs 3 entries and 300 routes of 3: the budget runs out inside the 111th subnet, at its 222nd
        // route.
        // The routes' findings also pass the findings cap, which says so at the start of the file.
        var limits = analysis.Diagnostics.Where(d => d.Code == "limit-exceeded").ToArray();
        Assert.Equal(2, limits.Length);
        Assert.Contains("more findings than the 1,000", limits[0].Message);
        var limit = limits[1];
        var routesLine = new SourceText(text).GetLineText(5);
        var expectedColumn = Enumerable.Range(0, 222).Aggregate(-1, (at, _) => routesLine.IndexOf("*r", at + 1,
            StringComparison.Ordinal));
        Assert.Equal((5, expectedColumn), (limit.Range.Start.Line, limit.Range.Start.Character));
        Assert.Equal("*r", analysis.Model.Files[0].Text.GetText(limit.Span));
        Assert.Contains("past 100,000", limit.Message);
        var document = analysis.Model.Documents.Single();
        Assert.Equal(99_999, document.AliasedNodesRead);
        var network = Assert.Single(document.Networks);
        Assert.Equal(111, network.Subnets.Count);
        Assert.Equal(110 * 300 + 221, network.Subnets.Sum(subnet => subnet.Routes.Count));
    }

    [Fact]
    public void Recursive_aliases_name_no_anchor_and_a_redefined_anchor_points_back()
    {
        var text = Specs.Header + "caches: &a [*a]\nx-self: &s {inner: *s}\nx-one: &o [1]\nx-two: &o [*o, *o]\n";
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf("*a", StringComparison.Ordinal) + 1,
            text.IndexOf("*s", StringComparison.Ordinal));
        Assert.Equal(new[] { "4:12 yaml-syntax", "5:19 yaml-syntax", "4:12 invalid-value", "5:0 unknown-key",
            "6:0 unknown-key", "7:0 unknown-key" }, Specs.Found(analysis));
        Assert.Equal("The alias '*a' names no anchor defined before it.", analysis.Diagnostics[0].Message);
        Assert.Equal("The alias '*s' names no anchor defined before it.", analysis.Diagnostics[1].Message);
        var root = (MappingSyntax)TreeOf(analysis).Documents[0].Root!;
        var two = (SequenceSyntax)root.Find("x-two")!.Value;
        Assert.All(two.Items, item => Assert.Same(root.Find("x-one")!.Value, ((AliasSyntax)item).Target));
    }

    [Fact]
    public void Binary_garbage_is_a_handful_of_syntax_findings()
    {
        var bytes = new byte[64 * 1024];
        new Random(20201015).NextBytes(bytes);
        foreach (var text in new[] { Encoding.Latin1.GetString(bytes), Encoding.UTF8.GetString(bytes) })
        {
            var firstForbidden = text.Select((c, i) => (c, i)).First(pair => (pair.c < 0x20
                && pair.c is not ('\t' or '\n' or '\r')) || pair.c == 0x7F).i;
            var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, firstForbidden, firstForbidden + 1);
            var forbidden = analysis.Diagnostics.Where(d => d.Code == "yaml-syntax"
                && d.Message.Contains("is not allowed in YAML text")).ToArray();
            Assert.Equal(10, forbidden.Length);
            Assert.Equal(new TextSpan(firstForbidden, 1), forbidden[0].Span);
            Assert.All(analysis.Diagnostics, d => Assert.NotEqual(RuleCatalog.InternalErrorId, d.Code));
        }
    }

    [Fact]
    public void A_lone_surrogate_is_a_syntax_finding_on_that_character()
    {
        var text = Specs.Header + "caches: []\nx-broken: \"a\uD800b\"\n";
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf('\uD800'));
        var at = text.IndexOf('\uD800');
        var syntax = Assert.Single(analysis.Diagnostics, d => d.Code == "yaml-syntax");
        Assert.Equal((new TextSpan(at, 1), "The character U+D800 is not allowed in YAML text."), (syntax.Span,
            syntax.Message));
    }

    [Fact]
    public void A_nul_byte_is_reported_where_it_stands_and_reading_stops_there()
    {
        var text = Specs.Header + "caches:\n  - name: a\0b\n    tier: Basic\n    size: C9\n";
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf('\0'), text.IndexOf('\0') + 1);
        Assert.Equal(new[] { "5:11 yaml-syntax", "5:12 yaml-syntax" }, Specs.Found(analysis));
        Assert.Equal("The character U+0000 is not allowed in YAML text.", analysis.Diagnostics[0].Message);
        Assert.Equal(new TextSpan(text.IndexOf('\0'), 1), analysis.Diagnostics[0].Span);
    }

    [Fact]
    public void Lines_of_a_megabyte_are_read_in_full()
    {
        const int megabyte = 1 << 20;
        var description = Specs.Header + "  description: " + new string('x', megabyte) + "\n# " + new string('#',
            megabyte) + "\ncaches: []\n";
        var (plain, plainAnswers) = EditorFeatures.AnalyzeAndAsk(description, description.Length / 4);
        Assert.Empty(plain.Diagnostics);
        Assert.Contains("metadata.description", plainAnswers.Hovers[description.Length / 4]!.Markdown);

        var key = Specs.Header + new string('k', megabyte) + ": 1\ncaches: []\n";
        var (longKey, _) = EditorFeatures.AnalyzeAndAsk(key, key.Length / 2);
        var syntax = Assert.Single(longKey.Diagnostics);
        Assert.Equal(("yaml-syntax", 4, 0, 4, megabyte), (syntax.Code, syntax.Range.Start.Line,
            syntax.Range.Start.Character, syntax.Range.End.Line, syntax.Range.End.Character));

        var zones = Specs.Header + "caches:\n  - name: a\n    tier: Premium\n    size: P1\n" +
            "    isolation: {publicNetworkAccess: Enabled, firewallRules: [{name: office, startIp: 198.51.100.0, " +
                "endIp: 198.51.100.63}]}\n" +
            "    zones: [" + string.Join(", ", Enumerable.Repeat("\"1\"", megabyte / 5)) + "]\n";
        var (flow, flowAnswers) = EditorFeatures.AnalyzeAndAsk(zones, zones.Length - 100);
        Assert.Empty(flow.Diagnostics);
        Assert.Single(flowAnswers.Symbols);
    }

    [Fact]
    public void A_hundred_thousand_caches_in_block_style_exceed_the_size_limit_and_return_at_once()
    {
        var text = HostileSpecs.Caches(100_000);
        Assert.True(text.Length > AnalysisLimits.MaxTextLength);
        var clock = Stopwatch.StartNew();
        var (analysis, answers) = EditorFeatures.AnalyzeAndAsk(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(new[] { "0:0 limit-exceeded" }, Specs.Found(analysis));
        Assert.Empty(answers.Symbols);
    }

    [Fact]
    public void Tabs_as_indentation_are_reported_on_the_tab()
    {
        var leading = Specs.Header + "caches:\n\t- name: a\n\t  tier: Basic\n";
        var (first, _) = EditorFeatures.AnalyzeAndAsk(leading, leading.IndexOf('\t'));
        Assert.Equal(new[] { "5:0 yaml-syntax" }, Specs.Found(first));
        Assert.Equal("While scanning a mapping, found invalid tab as indentation.", first.Diagnostics[0].Message);
        Assert.Equal(new TextSpan(leading.IndexOf('\t'), 1), first.Diagnostics[0].Span);

        var inner = Specs.Header + "caches:\n  - name: a\n  \ttier: Basic\n";
        var (second, _) = EditorFeatures.AnalyzeAndAsk(inner, inner.IndexOf('\t'));
        var syntax = Assert.Single(second.Diagnostics, d => d.Code == "yaml-syntax");
        Assert.Equal(new TextSpan(inner.IndexOf('\t'), 1), syntax.Span);
        Assert.Equal((6, 2), (syntax.Range.Start.Line, syntax.Range.Start.Character));
    }

    [Fact]
    public void Duplicate_keys_are_syntax_findings_on_the_second_key()
    {
        var text = Specs.Header + "caches:\n  - name: a\n    tier: Basic\n    tier: Premium\ncaches: []\n";
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.LastIndexOf("tier", StringComparison.Ordinal),
            text.LastIndexOf("caches", StringComparison.Ordinal));
        Assert.Equal(new[] { "7:4 yaml-syntax", "8:0 yaml-syntax", "5:4 missing-required", "5:4 missing-required" },
            Specs.Found(analysis));
        Assert.Equal("The key 'tier' appears more than once in this mapping.", analysis.Diagnostics[0].Message);
        Assert.Equal("The key 'caches' appears more than once in this mapping.", analysis.Diagnostics[1].Message);
    }

    public static TheoryData<string, string> ScalarsWhereAMappingBelongs => new()
    {
        { "", "'metadata' must be a mapping; it is empty." },
        { "~", "'metadata' must be a mapping; it is empty." },
        { "null", "'metadata' must be a mapping; it is empty." },
        { "true", "'metadata' must be a mapping; found the scalar 'true'." },
        { "42", "'metadata' must be a mapping; found the scalar '42'." },
        { "3.14", "'metadata' must be a mapping; found the scalar '3.14'." },
        { "\"text\"", "'metadata' must be a mapping; found the scalar 'text'." },
        { "|\n  block\n", "'metadata' must be a mapping; found the scalar 'block\n'." },
        { ">-\n  folded\n  text\n", "'metadata' must be a mapping; found the scalar 'folded text'." },
        { "[a, b]", "'metadata' must be a mapping; found a list." },
        { "\n  - a\n  - b\n", "'metadata' must be a mapping; found a list." },
    };

    [Theory]
    [MemberData(nameof(ScalarsWhereAMappingBelongs))]
    public void Every_kind_of_value_where_a_mapping_belongs_is_one_invalid_value(string value, string message)
    {
        var text = $"apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata: {value}\ncaches: []\n";
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, text.IndexOf("metadata", StringComparison.Ordinal) + 10);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("invalid-value", message), (finding.Code, finding.Message));
    }

    public static TheoryData<string, string> CollectionsWhereOthersBelong => new()
    {
        { "caches:\n  - name: {a: b}\n", "'name' must be a string; found a mapping." },
        { "caches:\n  - name: [a]\n", "'name' must be a string; found a list." },
        { "caches: {a: b}\n", "'caches' must be a list; found a mapping." },
        { "caches: x\n", "'caches' must be a list; found the scalar 'x'." },
        { "caches: [x]\n", "'caches' must be a mapping; found the scalar 'x'." },
        { "caches: [[a]]\n", "'caches' must be a mapping; found a list." },
        { "networks:\n  - name: hub\n    addressSpace: {a: b}\ncaches: []\n",
            "'addressSpace' must be a list; found a mapping." },
    };

    [Theory]
    [MemberData(nameof(CollectionsWhereOthersBelong))]
    public void Every_kind_of_value_where_a_scalar_or_list_belongs_is_an_invalid_value(string body, string message)
    {
        var text = Specs.Header + body;
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text, Specs.Header.Length + 10);
        Assert.Contains(analysis.Diagnostics, d => d.Code == "invalid-value" && d.Message.StartsWith(message,
            StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Diagnostics, d =>
            d.Code is "yaml-syntax" or "limit-exceeded" or RuleCatalog.InternalErrorId);
    }

    [Theory]
    [InlineData("42\n", "found the scalar '42'")]
    [InlineData("- a\n- b\n", "found a list")]
    [InlineData("|\n  text\n", "found the scalar 'text\n'")]
    public void A_document_that_is_not_a_mapping_is_one_invalid_value(string text, string found)
    {
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text);
        var finding = Assert.Single(analysis.Diagnostics);
        Assert.Equal(("invalid-value",
            $"A spec must be a mapping with apiVersion, kind, metadata and caches; {found}."), (finding.Code,
            finding.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("~\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n...\n")]
    public void An_empty_document_is_a_spec_without_its_required_keys(string text)
    {
        var (analysis, _) = EditorFeatures.AnalyzeAndAsk(text);
        Assert.Equal(new[] { "apiVersion", "kind", "metadata" }.Select(key => ("missing-required",
            $"The spec is empty: it has no '{key}', which is required.")),
            analysis.Diagnostics.Select(d => (d.Code, d.Message)));
    }
}
