using System.Text;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Tests.Incremental;

/// <summary>
/// A keystroke's cost grows with what it reaches, not with the workspace: the work the engine counts for an edit of one
/// cache file stays the same while the number of cache files around it (all using one shared network file) doubles.
/// Counted, not timed (<see cref="WorkMeter"/>).
/// </summary>
public class KeystrokeWorkTests
{
    [Fact]
    public void The_work_of_a_keystroke_in_one_file_does_not_grow_with_the_files_beside_it()
    {
        var counts = new List<long>();
        var reached = new List<int>();
        foreach (var files in new[] { 50, 100, 200, 400 })
        {
            var meter = new WorkMeter();
            var host = new AnalysisHost(new AnalysisOptions { ParallelThreshold = int.MaxValue, Meter = meter });
            host.SetText("network", "network.cachespec.yaml", Network(files));
            for (var index = 0; index < files; index++)
            {
                host.SetText($"c{index}", $"caches-{index:D4}.cachespec.yaml", Caches(index));
            }
            _ = host.Current.Analysis;
            var key = $"c{files / 2}";
            var text = host.Current.Files[key].Text.Text;
            var at = text.IndexOf("tier: Premium", StringComparison.Ordinal) + "tier: Premium".Length;
            host.PrepareNextAnalysis();
            meter.Reset();
            host.Change(key, new TextSpan(at, 0), " ");
            _ = host.Current.Analysis;
            counts.Add(meter.Operations);
            reached.Add(host.LastAnalysis.AffectedItems);
            Assert.False(host.LastAnalysis.Fresh);
        }
        Assert.True(counts[^1] <= counts[0] * 1.25 + 50,
            $"work per keystroke at 50, 100, 200, 400 files: {string.Join(", ", counts)}; items reached: " +
                string.Join(", ", reached));
    }

    /// <summary>One network with a subnet per cache file, an endpoint subnet and one NSG.</summary>
    private static string Network(int files)
    {
        var text = new StringBuilder("""
            apiVersion: cachespec/v1
            kind: CacheIsolationSpec
            metadata:
              name: network
            networks:
              - name: hub
                addressSpace: [10.0.0.0/8]
                subnets:
                  - name: endpoints
                    addressPrefix: 10.255.0.0/24
                    networkSecurityGroup: hub-nsg

            """);
        for (var index = 0; index < files; index++)
        {
            text.Append($"      - name: redis-{index}\n        addressPrefix: 10.{index / 200}.{index % 200}.0/27\n")
                .Append("        networkSecurityGroup: hub-nsg\n");
        }
        text.Append("""
            networkSecurityGroups:
              - name: hub-nsg
                rules:
                  - name: deny-all-in
                    priority: 4000
                    direction: Inbound
                    access: Deny
                    protocol: "*"
                    source: "*"
                    destination: "*"

            """);
        return text.ToString();
    }

    /// <summary>A file with an injected cache and a cache with a private endpoint in the shared subnet.</summary>
    private static string Caches(int index) => $"""
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: caches-{index}
        caches:
          - name: injected-{index}
            tier: Premium
            size: P1
            isolation:
              publicNetworkAccess: Disabled
              vnetInjection:
                subnet: hub/redis-{index}
          - name: linked-{index}
            tier: Premium
            size: P1
            isolation:
              publicNetworkAccess: Disabled
              privateEndpoints:
                - name: pe-{index}
                  subnet: hub/endpoints

        """;
}
