using CacheSpec.Analysis;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Incremental;

/// <summary>
/// Edits whose reach random walks seldom find: each changes, in one file, what a subnet's findings read through
/// other files (the subnet a geo-replica is injected into, a subnet an NSG rule names). The incremental result must
/// equal a fresh one, and the finding must actually come and go.
/// </summary>
public class IncrementalScenarioTests
{
    private static string Header(string name) =>
        $"apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: {name}\n";

    private static readonly Dictionary<string, string> Workspace = new(StringComparer.Ordinal)
    {
        ["a-network.cachespec.yaml"] = Header("a") + """
            networks:
              - name: east
                addressSpace: [10.1.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.1.0.0/24
                    networkSecurityGroup: east-nsg
            """,
        ["b-network.cachespec.yaml"] = Header("b") + """
            networks:
              - name: west
                addressSpace: [10.2.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.2.0.0/24
            """,
        ["f-network.cachespec.yaml"] = Header("f") + """
            networks:
              - name: jobs
                addressSpace: [10.0.0.0/8]
                subnets:
                  - name: batch
                    addressPrefix: 10.8.0.0/24
            """,
        ["c-nsg.cachespec.yaml"] = Header("c") + """
            networkSecurityGroups:
              - name: east-nsg
                rules:
                  - name: deny-west-replica
                    priority: 200
                    direction: Outbound
                    access: Deny
                    protocol: "*"
                    source: "*"
                    destination: 10.2.0.0/24
                  - name: deny-named-subnet
                    priority: 100
                    direction: Outbound
                    access: Deny
                    protocol: "*"
                    source: "*"
                    destination: jobs/batch
            """,
        ["d-caches.cachespec.yaml"] = Header("d") + """
            caches:
              - name: primary
                tier: Premium
                size: P1
                geoReplication:
                  linkedCache: secondary
                  role: primary
                isolation:
                  publicNetworkAccess: Disabled
                  vnetInjection:
                    subnet: east/redis
            """,
        ["e-caches.cachespec.yaml"] = Header("e") + """
            caches:
              - name: secondary
                tier: Premium
                size: P1
                geoReplication:
                  linkedCache: primary
                  role: secondary
                isolation:
                  publicNetworkAccess: Disabled
                  vnetInjection:
                    subnet: west/redis
            """,
    };

    [Theory]
    [InlineData("b-network.cachespec.yaml", "10.2.0.0/24", "10.3.0.0/24", "deny-west-replica")]
    [InlineData("f-network.cachespec.yaml", "10.8.0.0/24", "10.2.0.0/23", "deny-west-replica")]
    [InlineData("e-caches.cachespec.yaml", "west/redis", "west/other", "deny-west-replica")]
    [InlineData("c-nsg.cachespec.yaml", "10.2.0.0/24", "10.9.0.0/24", "deny-west-replica")]
    public void An_edit_in_one_file_changes_a_subnet_s_findings_read_through_others(string path, string from,
        string to, string rule)
    {
        var host = new AnalysisHost();
        foreach (var (name, text) in Workspace)
        {
            host.SetText(name, name, text);
        }
        var before = host.Current.Analysis.Diagnostics.Select(Describe).ToArray();
        Assert.Contains(before, finding => finding.Contains(rule, StringComparison.Ordinal));
        host.PrepareNextAnalysis();
        var old = host.Current.Files[path].Text.Text;
        var at = old.IndexOf(from, StringComparison.Ordinal);
        host.Change(path, new TextSpan(at, from.Length), to);
        var after = host.Current.Analysis.Diagnostics.Select(Describe).ToArray();
        Assert.False(host.LastAnalysis.Fresh);
        var texts = Workspace.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        texts[path] = old[..at] + to + old[(at + from.Length)..];
        var fresh = SpecAnalyzer.Analyze(texts.Select(pair => (pair.Key, pair.Value))).Diagnostics.Select(Describe);
        Assert.Equal(fresh, after);
        Assert.NotEqual(before, after);
    }

    private static string Describe(Analysis.Diagnostics.Diagnostic d) => $"{d.Path} {d.Span} {d.Code} {d.Message}";
}
