using CacheSpec.Analysis;
using System.Text;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Facts;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The NSG tables of a VNet-injected cache, one per guidance profile (nsg-2020-10.json, nsg-current.json): every row is
/// checked by an NSG that denies exactly its flow, the rule pages show the tables as the data gives them, and the
/// findings stay readable (short messages, the whole list in the hover, client subnets assumed and named).
/// </summary>
public class NsgTableTests
{
    private static readonly string[] Profiles = ["2020-10", "current"];

    public static TheoryData<string, int> Rows()
    {
        var data = new TheoryData<string, int>();
        foreach (var profile in Profiles)
        {
            for (var i = 0; i < AzureFacts.Catalog.NsgTable(profile).Count; i++)
            {
                data.Add(profile, i);
            }
        }
        return data;
    }

    /// <summary>
    /// A network with the Redis subnet, one app subnet and a custom DNS server, a geo-replica in a second network, and
    /// an NSG on the Redis subnet with one rule.
    /// </summary>
    private static string Spec(string rule) => $$$"""
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: rows
        networks:
          - name: net
            addressSpace: [10.0.0.0/16]
            dnsServers: [10.0.0.4]
            subnets:
              - {name: redis, addressPrefix: 10.0.1.0/27, networkSecurityGroup: redis-nsg}
              - {name: apps, addressPrefix: 10.0.8.0/22}
          - name: geo
            addressSpace: [10.31.0.0/16]
            subnets:
              - {name: redis, addressPrefix: 10.31.1.0/27}
        networkSecurityGroups:
          - name: redis-nsg
            rules:
              - {{{rule}}}
        caches:
          - {name: primary, tier: Premium, size: P1, isolation: {vnetInjection: {subnet: net/redis}},
            geoReplication: {linkedCache: secondary, role: primary}}
          - {name: secondary, tier: Premium, size: P1, isolation: {vnetInjection: {subnet: geo/redis}},
            geoReplication: {linkedCache: primary, role: secondary}}
        """;

    /// <summary>How a spec names a row's far end in an NSG rule.</summary>
    private static string Selector(string remote) => remote switch
    {
        "*" => "Internet",
        "redisSubnet" => "net/redis",
        "virtualNetwork" => "VirtualNetwork",
        "clientSubnets" => "net/apps",
        "dnsServers" => "10.0.0.4",
        "geoReplicaSubnets" => "geo/redis",
        _ => remote,
    };

    /// <summary>How a finding's detail names a row's far end in the spec above.</summary>
    private static string Described(string remote) => remote switch
    {
        "redisSubnet" => "the Redis subnet",
        "virtualNetwork" => "the virtual network 'net' (10.0.0.0/16)",
        "clientSubnets" => "the client subnets (assumed: every other subnet of 'net')",
        "dnsServers" => "the DNS server 10.0.0.4",
        "geoReplicaSubnets" => "the geo-replica subnet geo/redis (10.31.1.0/27)",
        _ => remote,
    };

    private static string Protocol(string protocol) => protocol switch
    {
        "Any" => "TCP/UDP",
        _ => protocol.ToUpperInvariant(),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_nsg_that_denies_exactly_a_rows_flow_gets_a_finding_naming_it_in_the_profiles_with_that_row(
        string profile, int index)
    {
        var row = AzureFacts.Catalog.NsgTable(profile)[index];
        var inbound = row.Direction == "Inbound";
        var (source, destination) = inbound ? (Selector(row.Remote), "\"*\"") : ("\"*\"", Selector(row.Remote));
        var deny = $"{{name: deny-row, priority: 100, direction: {row.Direction}, access: Deny, " +
            $"protocol: {(row.Protocol == "Any" ? "\"*\"" : row.Protocol)}, source: {Quoted(source)}, " +
            $"destination: {Quoted(destination)}, destinationPorts: [{string.Join(", ", row.Ports)}]}}";
        var code = inbound ? "vnet-inbound-port-blocked" : "vnet-dependency-blocked";
        foreach (var judged in Profiles)
        {
            var findings = Specs.Analyze(Spec(deny), GuidanceProfiles.Parse(judged)).Diagnostics
                .Where(d => d.Code == code).ToArray();
            var details = string.Join("\n", findings.Select(finding => finding.Detail));
            foreach (var ports in row.Ports)
            {
                var line = $"- {Protocol(row.Protocol)} {ports} {(inbound ? "from" : "to")} {Described(row.Remote)}:";
                var listed = AzureFacts.Catalog.NsgTable(judged).Any(other => other.Direction == row.Direction
                    && other.Protocol == row.Protocol && other.Remote == row.Remote && other.Ports.Contains(ports));
                Assert.True(listed == details.Contains(line, StringComparison.Ordinal),
                    $"{profile} row {index} judged under {judged}: expected '{line}' {(listed ? "in" : "not in")}:\n" +
                    details);
            }
            Assert.All(findings, finding => Assert.True(finding.Message.Length <= 300, finding.Message));
        }
    }

    private static string Inbound(string name, int priority, string access, string protocol, string source,
        string ports) =>
        $"      - {{name: {name}, priority: {priority}, direction: Inbound, access: {access}, protocol: {protocol}, " +
        $"source: {source}, destination: \"*\", destinationPorts: [{ports}]}}";

    private static string Quoted(string selector) => selector.StartsWith('"') ? selector : $"\"{selector}\"";

    [Fact]
    public void Client_ports_are_flagged_only_when_every_other_subnet_is_blocked_and_the_message_says_whom_it_assumed()
    {
        var network = """
            networks:
              - name: net
                addressSpace: [10.0.0.0/16]
                subnets:
                  - {name: redis, addressPrefix: 10.0.1.0/27, networkSecurityGroup: redis-nsg}
                  - {name: web, addressPrefix: 10.0.8.0/22}
                  - {name: batch, addressPrefix: 10.0.12.0/22}
            """;
        var admitted = Inbound("allow-web", 100, "Allow", "Tcp", "net/web",
            "6379-6380, 10221-10231, 13000-13999, 15000-15999") + "\n";
        var rest = Inbound("allow-redis", 110, "Allow", "\"*\"", "net/redis", "\"*\"") + "\n"
            + Inbound("allow-lb", 120, "Allow", "\"*\"", "AzureLoadBalancer", "\"*\"") + "\n"
            + Inbound("deny-all-in", 4096, "Deny", "\"*\"", "\"*\"", "\"*\"") + "\n"
            + "caches:\n  - {name: c, tier: Premium, size: P1, isolation: {vnetInjection: {subnet: net/redis}}}\n";
        string Spec(string rules) => Specs.Header + network + "\nnetworkSecurityGroups:\n  - name: redis-nsg\n" +
            "    rules:\n" + rules + rest;

        // Only the web subnet's clients are admitted, as the current table asks: a correct design.
        Assert.DoesNotContain("vnet-inbound-port-blocked",
            Specs.Analyze(Spec(admitted), GuidanceProfile.Current).Codes());
        // The 2020 table asks for the whole virtual network.
        var old = Assert.Single(Specs.Analyze(Spec(admitted), GuidanceProfile.V2020_10).Diagnostics,
            d => d.Code == "vnet-inbound-port-blocked");
        Assert.Contains("from the virtual network 'net' (10.0.0.0/16)", old.Message);

        // No subnet admitted at all: flagged, naming whom it took for the clients.
        var blocked = Assert.Single(Specs.Analyze(Spec(string.Empty), GuidanceProfile.Current).Diagnostics,
            d => d.Code == "vnet-inbound-port-blocked");
        Assert.Contains("TCP 6379-6380, 10221-10231, 13000-13999, 15000-15999 from the client subnets " +
            "(assumed: every other subnet of 'net')", blocked.Message);
        Assert.Contains("net/web (10.0.8.0/22), net/batch (10.0.12.0/22)", blocked.Detail);

        // A network with no other subnet: its clients are in networks the spec does not show, so the client rows are
        // not checked.
        var alone = Spec(string.Empty).Replace("      - {name: web, addressPrefix: 10.0.8.0/22}\n", string.Empty)
            .Replace("      - {name: batch, addressPrefix: 10.0.12.0/22}\n", string.Empty);
        Assert.DoesNotContain("vnet-inbound-port-blocked", Specs.Analyze(alone, GuidanceProfile.Current).Codes());
    }

    [Theory]
    [InlineData(AnalysisLimits.MaxAssumedClientSubnets, true)]
    [InlineData(AnalysisLimits.MaxAssumedClientSubnets + 1, false)]
    public void Client_rows_are_judged_only_in_a_network_within_the_limit_of_assumed_client_subnets(int others,
        bool judged)
    {
        // Every subnet but the first is a possible client; the NSG admits the cache's own subnet and the load
        // balancer only, so the client rows are blocked wherever they are judged.
        var subnets = string.Concat(Enumerable.Range(1, others).Select(index =>
            $"      - {{name: app{index}, addressPrefix: 10.0.{index}.0/24}}\n"));
        var spec = Specs.Header + "networks:\n  - name: net\n    addressSpace: [10.0.0.0/16]\n    subnets:\n" +
            "      - {name: redis, addressPrefix: 10.0.0.0/27, networkSecurityGroup: redis-nsg}\n" + subnets +
            "networkSecurityGroups:\n  - name: redis-nsg\n    rules:\n" +
            Inbound("allow-redis", 110, "Allow", "\"*\"", "net/redis", "\"*\"") + "\n" +
            Inbound("allow-lb", 120, "Allow", "\"*\"", "AzureLoadBalancer", "\"*\"") + "\n" +
            Inbound("deny-all-in", 4096, "Deny", "\"*\"", "\"*\"", "\"*\"") + "\n" +
            "caches:\n  - {name: c, tier: Premium, size: P1, isolation: {vnetInjection: {subnet: net/redis}}}\n";
        var findings = Specs.Analyze(spec, GuidanceProfile.Current).Diagnostics
            .Where(d => d.Code == "vnet-inbound-port-blocked").ToArray();
        Assert.Equal(judged, findings.Any(d => d.Message.Contains("the client subnets", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rule_blocking_many_flows_gets_a_short_message_and_the_whole_list_in_its_hover()
    {
        // Deny everything both ways, four custom DNS servers and a geo-replica: dozens of flows per rule.
        var spec = Spec("{name: deny-all-out, priority: 4000, direction: Outbound, access: Deny, protocol: \"*\", " +
                "source: \"*\", destination: \"*\", destinationPorts: [\"*\"]}\n" +
                "      - {name: deny-all-in, priority: 4001, direction: Inbound, access: Deny, protocol: \"*\", " +
                "source: \"*\", destination: \"*\", destinationPorts: [\"*\"]}")
            .Replace("dnsServers: [10.0.0.4]", "dnsServers: [10.0.0.4, 10.0.0.5, 10.2.0.4, 10.3.0.4]");
        foreach (var profile in new[] { GuidanceProfile.V2020_10, GuidanceProfile.Current })
        {
            var findings = Specs.Analyze(spec, profile).Diagnostics
                .Where(d => d.Code is "vnet-inbound-port-blocked" or "vnet-dependency-blocked").ToArray();
            Assert.Equal(2, findings.Length);
            Assert.All(findings, finding =>
            {
                Assert.True(finding.Message.Length <= 300, $"{finding.Message.Length}: {finding.Message}");
                Assert.DoesNotContain("10.31.1.0-10.31.1.31", finding.Message + finding.Detail);
                Assert.True(finding.Detail!.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal))
                    > 10, finding.Detail);
            });
            Assert.Contains(findings, finding =>
                finding.Detail!.Contains("from the geo-replica subnet geo/redis (10.31.1.0/27)"));
        }

        var workspace = new FeatureWorkspace(new[] { ("rows.cachespec.yaml", spec) });
        var file = workspace.Snapshot.Files.Values.Single();
        var offset = file.Text.Text.IndexOf("access: Deny", StringComparison.Ordinal) + "access: ".Length;
        var hover = workspace.Snapshot.Hover(file, offset, FeatureWorkspace.Guidance, id => id)!;
        Assert.Contains("Blocked outbound flows:", hover.Markdown);
        Assert.Contains("- TCP/UDP 53 to the DNS server 10.3.0.4: DNS", hover.Markdown);
    }

    [Fact]
    public void The_flows_of_one_far_end_are_told_together()
    {
        var spec = Spec("{name: deny-all-out, priority: 4000, direction: Outbound, access: Deny, protocol: \"*\", " +
            "source: \"*\", destination: Internet, destinationPorts: [\"*\"]}");
        var finding = Assert.Single(Specs.Analyze(spec, GuidanceProfile.Current).Diagnostics,
            d => d.Code == "vnet-dependency-blocked");
        Assert.Contains("TCP 80, 443, UDP 123, TCP 1688 to *; ", finding.Message);
        Assert.Contains("TCP 443, 12000 to AzureMonitor", finding.Message);
    }

    [Theory]
    [InlineData("vnet-dependency-blocked")]
    [InlineData("vnet-inbound-port-blocked")]
    public void The_pages_examples_fail_and_pass_in_both_profiles(string id)
    {
        var page = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, id + ".md"));
        foreach (var profile in new[] { GuidanceProfile.V2020_10, GuidanceProfile.Current })
        {
            Assert.Contains(id, Specs.Analyze(page.FailingExample!, profile).Codes());
            var passing = Specs.Analyze(page.PassingExample!, profile);
            Assert.True(!passing.Codes().Contains(id), $"{profile}:\n{Specs.Render(passing.Diagnostics)}");
        }
    }

    /// <summary>
    /// The pages show each profile's table between markers; with CACHESPEC_UPDATE_BASELINES=1 the test writes them.
    /// </summary>
    [Theory]
    [InlineData("vnet-dependency-blocked", "Outbound")]
    [InlineData("vnet-inbound-port-blocked", "Inbound")]
    public void The_rule_pages_show_the_tables_the_data_holds(string id, string direction)
    {
        var path = Path.Combine(RepositoryPaths.RuleDocs, id + ".md");
        var page = File.ReadAllText(path).Replace("\r\n", "\n");
        foreach (var profile in Profiles)
        {
            var start = $"<!-- nsg-table {profile} {direction} -->\n";
            const string end = "<!-- end of nsg-table -->";
            var at = page.IndexOf(start, StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/rules/{id}.md has no marker '{start.Trim()}'");
            var from = at + start.Length;
            var to = page.IndexOf(end, from, StringComparison.Ordinal);
            var expected = Table(profile, direction);
            if (Baseline.Updating)
            {
                page = page[..from] + expected + page[to..];
                File.WriteAllText(path, page);
                continue;
            }
            Assert.True(expected == page[from..to],
                $"docs/rules/{id}.md: the {profile} table differs from nsg-{profile}.json (run with " +
                $"{Baseline.UpdateVariable}=1 to write it); expected:\n{expected}");
        }
    }

    private static string Table(string profile, string direction)
    {
        var inbound = direction == "Inbound";
        var text = new StringBuilder();
        text.Append($"| Ports | Protocol | {(inbound ? "From" : "To")} | For | Source |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var row in AzureFacts.Catalog.NsgTable(profile).Where(row => row.Direction == direction))
        {
            var protocol = row.Protocol == "Any" ? "TCP/UDP" : row.Protocol.ToUpperInvariant();
            text.Append($"| {string.Join(", ", row.Ports)} | {protocol} | {Remote(row.Remote)} | {row.Purpose} | " +
                $"[{row.Source.Id}], {row.Source.Date:yyyy-MM-dd} |\n");
        }
        return text.ToString();
    }

    private static string Remote(string remote) => remote switch
    {
        "redisSubnet" => "the Redis subnet",
        "virtualNetwork" => "the virtual network (its address space)",
        "clientSubnets" => "the client subnets",
        "dnsServers" => "each custom DNS server",
        "geoReplicaSubnets" => "each geo-replica's subnet",
        _ => $"`{remote}`",
    };
}
