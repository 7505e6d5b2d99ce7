using CacheSpec.Analysis.Fixes;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Fixes;

/// <summary>The exact text some fixes write: the document's indentation, item style and line breaks are kept.</summary>
public class FixOutputTests
{
    private static string Fixed(string text, string code, string? title = null)
    {
        var files = new Dictionary<string, string> { ["test.cachespec.yaml"] = text };
        var analysis = FixCheck.Analyze(files);
        var diagnostic = analysis.Diagnostics.First(d => d.Code == code);
        var fixes = CodeFixes.For(analysis, diagnostic);
        var fix = title is null ? Assert.Single(fixes) : fixes.Single(candidate => candidate.Title == title);
        return FixApplier.Apply(files, fix)["test.cachespec.yaml"];
    }

    [Fact]
    public void Public_access_goes_first_under_isolation_with_its_indentation_and_line_breaks()
    {
        var text = (Specs.Header + "networks:\n- name: hub\n  addressSpace: [10.0.0.0/16]\n  subnets:\n  - {name: endpoints, addressPrefix: 10.0.2.0/24}\n" +
            "caches:\n- name: orders\n  tier: Premium\n  size: P1\n  isolation:\n     privateEndpoints:\n     - {name: pe, subnet: hub/endpoints}\n").Replace("\n", "\r\n");
        var expected = text.Replace("  isolation:\r\n", "  isolation:\r\n     publicNetworkAccess: Disabled\r\n");
        Assert.Equal(expected, Fixed(text, "public-access-with-private-endpoint"));
    }

    [Fact]
    public void Public_access_goes_into_a_flow_mapping_and_an_empty_one()
    {
        var flow = Specs.Header + "caches:\n  - {name: a, tier: Basic, size: C0, isolation: {firewallRules: [{name: f, startIp: 1.2.3.4, endIp: 1.2.3.4}]}}\n";
        Assert.Equal(flow.Replace("isolation: {firewallRules", "isolation: {publicNetworkAccess: Enabled, firewallRules"),
            Fixed(flow, "public-access-unset", "Set publicNetworkAccess: Enabled"));
        var empty = Specs.Header + "caches:\n  - name: a\n    tier: Basic\n    size: C0\n    isolation: {}\n";
        Assert.Equal(empty.Replace("isolation: {}", "isolation: {publicNetworkAccess: Enabled}"),
            Fixed(empty, "public-access-unset", "Set publicNetworkAccess: Enabled"));
    }

    [Fact]
    public void Removing_the_only_entry_of_isolation_leaves_an_empty_mapping()
    {
        var text = Specs.Header + "caches:\n  - name: a\n    tier: Enterprise\n    size: E10\n    isolation:\n      # partners\n      firewallRules:\n        - name: f\n          startIp: 1.2.3.4\n          endIp: 1.2.3.4\n    region: westus\n";
        Assert.Equal(Specs.Header + "caches:\n  - name: a\n    tier: Enterprise\n    size: E10\n    isolation: {}\n    region: westus\n", Fixed(text, "firewall-rules-enterprise"));
    }

    [Fact]
    public void Nsg_rules_take_the_block_style_of_their_neighbours_and_go_above_the_blocking_rules_comment()
    {
        var text = Specs.Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg
                rules:
                    # No storage.
                  - name:   deny-storage
                    priority: 200
                    direction: Outbound
                    access: Deny
                    protocol: Tcp
                    source: "*"
                    destination: Storage
                    destinationPorts: [443]
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis

            """;
        var inserted = """
                  - name: allow-storage-out
                    priority: 190
                    direction: Outbound
                    access: Allow
                    protocol: Tcp
                    source: "*"
                    destination: Storage
                    destinationPorts: [443]

            """;
        Assert.Equal(text.Replace("        # No storage.\n", inserted + "        # No storage.\n"), Fixed(text, "vnet-dependency-blocked"));
    }

    [Fact]
    public void An_nsg_without_rules_gets_a_rules_list_and_a_dns_rule_for_every_server()
    {
        var text = Specs.Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                dnsServers: [192.168.50.4, 192.168.50.5]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg # for the caches
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis

            """;
        var rules = """
                rules:
                  - name: allow-dns-out
                    priority: 4080
                    direction: Outbound
                    access: Allow
                    protocol: "*"
                    source: "*"
                    destination: 192.168.50.4
                    destinationPorts: [53]
                  - name: allow-dns-out-2
                    priority: 4090
                    direction: Outbound
                    access: Allow
                    protocol: "*"
                    source: "*"
                    destination: 192.168.50.5
                    destinationPorts: [53]
            """;
        Assert.Equal(text.Replace("# for the caches\n", "# for the caches\n" + rules + "\n"), Fixed(text, "vnet-dependency-blocked"));
    }

    [Fact]
    public void Servers_far_apart_get_a_dns_rule_each()
    {
        var text = Specs.Header + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n    dnsServers: [192.168.50.4, 172.16.9.9]\n" +
            "    subnets:\n      - {name: redis, addressPrefix: 10.0.1.0/28, networkSecurityGroup: redis-nsg}\n" +
            "networkSecurityGroups:\n  - {name: redis-nsg, rules: []}\n" +
            "caches:\n  - {name: s, tier: Premium, size: P1, isolation: {vnetInjection: {subnet: hub/redis}}}\n";
        Assert.Single(Specs.Analyze(text).Diagnostics, d => d.Code == "vnet-dependency-blocked");
        var fixedText = Fixed(text, "vnet-dependency-blocked");
        Assert.Contains("destination: 192.168.50.4", fixedText);
        Assert.Contains("destination: 172.16.9.9", fixedText);
        Assert.DoesNotContain("vnet-dependency-blocked", Specs.Analyze(fixedText).Codes());
    }

    [Fact]
    public void A_file_with_a_yaml_syntax_error_gets_no_fixes()
    {
        var text = Specs.Header + "caches:\n  - name: a\n    tier: Standard\n    size: P1\n    isolation:\n      publicNetworkAccess: Enabled\n---\nkey: [unclosed\n";
        var analysis = Specs.Analyze(text);
        Assert.Contains(analysis.Diagnostics, d => d.Code == "yaml-syntax");
        Assert.All(analysis.Diagnostics, diagnostic => Assert.Empty(CodeFixes.For(analysis, diagnostic)));
    }

    [Fact]
    public void A_subnet_too_small_is_widened_on_its_aligned_network_unless_that_overlaps_a_neighbour()
    {
        var text = Specs.Header + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n    subnets:\n" +
            "      - {name: redis, addressPrefix: 10.0.1.8/29}\n      - {name: tight, addressPrefix: 10.0.3.0/29}\n      - {name: next, addressPrefix: 10.0.3.8/29}\n" +
            "caches:\n  - {name: a, tier: Premium, size: P1, shardCount: 2, isolation: {vnetInjection: {subnet: hub/redis}}}\n" +
            "  - {name: b, tier: Premium, size: P1, shardCount: 2, isolation: {vnetInjection: {subnet: hub/tight}}}\n";
        var analysis = Specs.Analyze(text);
        var fixes = analysis.Diagnostics.Where(d => d.Code == "vnet-subnet-too-small").Select(d => CodeFixes.For(analysis, d)).ToArray();
        Assert.Equal(2, fixes.Length);
        Assert.Equal("Widen the subnet to 10.0.1.0/28", Assert.Single(fixes[0]).Title);
        Assert.Empty(fixes[1]);
    }

    [Fact]
    public void Public_access_unset_prefers_disabled_only_with_private_endpoints()
    {
        var page = Rules.RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, "public-access-unset.md")).FailingExample!;
        var analysis = Specs.Analyze(page);
        var fixes = CodeFixes.For(analysis, analysis.Diagnostics.Single(d => d.Code == "public-access-unset"));
        Assert.Equal(new[] { "Set publicNetworkAccess: Enabled", "Set publicNetworkAccess: Disabled" }, fixes.Select(fix => fix.Title));
        Assert.All(fixes, fix => Assert.False(fix.IsPreferred));

        var withEndpoint = Specs.Header + "networks:\n  - {name: hub, addressSpace: [10.0.0.0/16], subnets: [{name: pe, addressPrefix: 10.0.2.0/24}]}\n" +
            "caches:\n  - name: a\n    tier: Premium\n    size: P1\n    isolation:\n      privateEndpoints: [{name: pe-a, subnet: hub/pe}]\n";
        analysis = Specs.Analyze(withEndpoint);
        var fix = Assert.Single(CodeFixes.For(analysis, analysis.Diagnostics.Single(d => d.Code == "public-access-unset")));
        Assert.Equal("Set publicNetworkAccess: Disabled", fix.Title);
        Assert.True(fix.IsPreferred);
    }
}
