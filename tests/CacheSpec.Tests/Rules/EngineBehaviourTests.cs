using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>The engine's behaviour across files, documents and profiles, on broken input, and when a rule
/// fails.</summary>
public class EngineBehaviourTests
{
    /// <summary>The shared hub network with room in subnet redis for one small cache (a /29 has 3 usable
    /// addresses).</summary>
    private static readonly string Network = HubNetwork.WithRedisPrefix("10.0.1.0/29");

    private static string InjectedCache(string name, int shards) => $$"""
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        guidance: "2020-10"
        metadata:
          name: {{name}}
        caches:
          - name: {{name}}
            tier: Premium
            size: P1
            shardCount: {{shards}}
            isolation:
              vnetInjection:
                subnet: hub/redis
        """;

    [Fact]
    public void References_resolve_across_files()
    {
        var result = Specs.AnalyzeFiles(("network.cachespec.yaml", Network), ("a.cachespec.yaml", InjectedCache("alpha",
            1)));
        Assert.DoesNotContain("unresolved-reference", result.Codes());
    }

    [Fact]
    public void Subnet_capacity_sums_caches_from_every_file_and_reports_on_the_prefix()
    {
        var alone = Specs.AnalyzeFiles(("network.cachespec.yaml", Network), ("a.cachespec.yaml", InjectedCache("alpha",
            1)));
        Assert.DoesNotContain("vnet-subnet-too-small", alone.Codes()); // 1 x 2 + 1 = 3 of 3 usable
        var together = Specs.AnalyzeFiles(("network.cachespec.yaml", Network), ("a.cachespec.yaml",
            InjectedCache("alpha", 1)), ("b.cachespec.yaml", InjectedCache("beta", 1)));
        var finding = Assert.Single(together.Diagnostics, d => d.Code == "vnet-subnet-too-small");
        Assert.Equal("network.cachespec.yaml", finding.Path);
        Assert.Contains("need 6", finding.Message);
        Assert.Contains("/28", finding.Message);
        Assert.Equal(9, finding.Range.Start.Line);
    }

    [Fact]
    public void Duplicate_names_across_files_point_at_the_first_declaration()
    {
        var copy = Network.Replace("name: network", "name: copy");
        var result = Specs.AnalyzeFiles(("network.cachespec.yaml", Network), ("copy.cachespec.yaml", copy));
        var duplicates = result.Diagnostics.Where(d => d.Code == "duplicate-name").ToArray();
        Assert.All(duplicates, duplicate => Assert.Equal("copy.cachespec.yaml", duplicate.Path));
        var hub = Assert.Single(duplicates, duplicate => duplicate.Message.Contains("'hub'", StringComparison.Ordinal));
        Assert.Contains("network.cachespec.yaml:6", hub.Message);
    }

    [Fact]
    public void Each_document_of_a_file_keeps_its_own_profile()
    {
        var current = InjectedCache("alpha", 1).Replace("guidance: \"2020-10\"", "guidance: current");
        var result = Specs.AnalyzeFiles(("network.cachespec.yaml", Network), ("two.cachespec.yaml", InjectedCache("old",
            1) + "\n---\n" + current));
        var notRecommended = Assert.Single(result.Diagnostics, d => d.Code == "vnet-injection-not-recommended");
        Assert.True(notRecommended.Range.Start.Line > 14);
    }

    [Fact]
    public void The_profile_override_replaces_every_documents_guidance()
    {
        var files = new[] { ("network.cachespec.yaml", Network), ("a.cachespec.yaml", InjectedCache("alpha", 1)) };
        Assert.DoesNotContain("vnet-injection-not-recommended", SpecAnalyzer.Analyze(files).Codes());
        Assert.Contains("vnet-injection-not-recommended", SpecAnalyzer.Analyze(files, GuidanceProfile.Current).Codes());
    }

    [Fact]
    public void Severity_follows_the_profile()
    {
        var spec = Specs.Header
            + "caches:\n  - name: c\n    tier: Premium\n    size: P1\n    tls:\n      minimumVersion: \"1.1\"\n    " +
                "isolation:\n      publicNetworkAccess: Enabled\n      firewallRules:\n        - {name: office, " +
                "startIp: 203.0.113.0, endIp: 203.0.113.9}\n";
        Assert.Equal(DiagnosticSeverity.Warning, Specs.Analyze(spec, GuidanceProfile.V2020_10).Diagnostics.Single(d =>
            d.Code == "minimum-tls-version").Severity);
        Assert.Equal(DiagnosticSeverity.Error, Specs.Analyze(spec, GuidanceProfile.Current).Diagnostics.Single(d =>
            d.Code == "minimum-tls-version").Severity);
    }

    [Fact]
    public void Rules_still_report_on_the_part_read_before_a_syntax_error()
    {
        var spec = Specs.Header
            + "guidance: \"2020-10\"\ncaches:\n  - name: std\n    tier: Standard\n    size: C1\n    isolation:\n     " +
                " vnetInjection:\n        subnet: hub/redis\n  - name: broken\n    tier: [Premium\n";
        var codes = Specs.Analyze(spec).Codes();
        Assert.Contains("yaml-syntax", codes);
        Assert.Contains("vnet-injection-requires-premium", codes);
    }

    [Fact]
    public void Findings_point_at_the_smallest_node()
    {
        var spec = Specs.Header
            + "caches:\n  - name: std\n    tier: Standard\n    size: C1\n    isolation:\n      publicNetworkAccess: " +
                "Disabled\n      vnetInjection:\n        subnet: hub/redis\n";
        var result = Specs.Analyze(spec);
        var finding = result.Diagnostics.Single(d => d.Code == "vnet-injection-requires-premium");
        Assert.Equal("vnetInjection", result.Model.Files[0].Text.GetText(finding.Span));
        var reference = result.Diagnostics.Single(d => d.Code == "unresolved-reference");
        Assert.Equal("hub/redis", result.Model.Files[0].Text.GetText(reference.Span));
    }

    [Fact]
    public void A_failing_rule_becomes_one_internal_error_and_the_others_still_report()
    {
        var files = new[] { SpecFile.Create("a.cachespec.yaml", Specs.Header
            + "caches:\n  - name: c\n    tier: Basic\n    size: C0\n    isolation:\n      publicNetworkAccess: " +
                "Enabled\n") };
        var rules = RuleCatalog.All.Prepend(new ThrowingRule()).ToArray();
        var result = SpecAnalyzer.Analyze(files, rules);
        var internalError = Assert.Single(result.Diagnostics, d => d.Code == RuleCatalog.InternalErrorId);
        Assert.Contains("always-throws", internalError.Message);
        Assert.Contains("no-network-isolation", result.Codes());
        Assert.DoesNotContain("always-throws", result.Codes());
    }

    [Fact]
    public void Numbers_where_strings_belong_ask_for_quotes_like_the_schema()
    {
        var spec = Specs.Header
            + "caches:\n  - name: c\n    tier: Premium\n    size: P1\n    zones: [1, \"2\"]\n    tls:\n      " +
                "minimumVersion: 1.2\n    isolation:\n      publicNetworkAccess: Enabled\n";
        var messages = Specs.Analyze(spec).Diagnostics.Where(d => d.Code == "invalid-value").Select(d => d.Message)
            .ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Contains(messages, message => message.Contains("quote it: \"1.2\""));
        Assert.Contains(messages, message => message.Contains("quote it: \"1\""));
    }

    [Fact]
    public void A_number_that_quotes_would_not_make_valid_is_reported_for_what_it_is_and_offered_no_quotes()
    {
        var spec = Specs.Header
            + "networks:\n  - name: n\n    addressSpace: [10.0.0.0/16]\n    subnets:\n      - name: s\n        " +
                "addressPrefix: 10.0.1.0/24\n" +
            "caches:\n  - name: c\n    tier: Premium\n    size: P1\n    isolation:\n      vnetInjection:\n        " +
                "subnet: n/s\n        staticIp: 10\n";
        var analysis = Specs.Analyze(spec);
        var finding = Assert.Single(analysis.Diagnostics, d => d.Code == "invalid-value");
        Assert.Equal("'10' is not an IPv4 address.", finding.Message);
        Assert.DoesNotContain(CodeFixes.For(analysis, finding), fix => fix.Title.StartsWith("Quote",
            StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_bomb_is_read_without_expansion()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 30; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, " +
                $"*a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }
        lines.Add("caches: *a29");
        var result = Specs.Analyze(Specs.Header + string.Join('\n', lines) + "\n");
        Assert.Contains("unknown-key", result.Codes());
    }

    [Fact]
    public void Nsg_rules_may_name_subnets_as_sources()
    {
        // The hub's redis-nsg names hub/endpoints as the source of its one rule; denying instead of allowing blocks
        // those clients.
        var spec = HubNetwork.Text.Replace("access: Allow", "access: Deny");
        var result = Specs.AnalyzeFiles(("network.cachespec.yaml", spec), ("a.cachespec.yaml", InjectedCache("alpha",
            1)));
        var blocked = Assert.Single(result.Diagnostics, d => d.Code == "vnet-inbound-port-blocked");
        Assert.Contains("TCP 6380 from the client subnets (assumed: every other subnet of 'hub')", blocked.Message);
        Assert.DoesNotContain("unresolved-reference", result.Codes());
    }

    private sealed class ThrowingRule : Rule
    {
        public override string Id => "always-throws";
        public override RuleCategory Category => RuleCategory.Structure;
        public override RuleInputs Reads => RuleInputs.Model;
        public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
        public override string Summary => "Fails on purpose.";

        public override void Analyze(RuleContext context)
        {
            context.Report(context.Model.Files[0], new CacheSpec.Analysis.Text.TextSpan(0, 1), "partial finding");
            throw new InvalidOperationException("boom");
        }
    }
}
