using System.Text;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>
/// tests/cases/format/v1.1.yaml uses every key format v1.1 adds: the baseline holds its findings (only those expected)
/// and what the model read of each new key, so a key the binder drops shows as a change.
/// </summary>
public class FormatV11CaseTests
{
    private static string CasePath => Path.Combine(RepositoryPaths.Cases, "format", "v1.1.yaml");

    [Fact]
    public void The_v1_1_case_binds_every_new_key_with_the_expected_findings_only()
    {
        var text = File.ReadAllText(CasePath).Replace("\r\n", "\n");
        var result = SpecAnalyzer.Analyze([("v1.1.cachespec.yaml", text)]);
        var output = new StringBuilder("# findings\n");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.Append($"{diagnostic.Range.Start.Line + 1}:{diagnostic.Range.Start.Character + 1} " +
                $"{diagnostic.Severity} {diagnostic.Code} {diagnostic.Message}\n");
        }
        output.Append("# model\n").Append(Describe(result.Model));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "format", "v1.1.txt"), output.ToString());
    }

    [Fact]
    public void Every_key_of_the_format_appears_in_the_case()
    {
        var text = File.ReadAllText(CasePath);
        var keys = Analysis.Format.SpecFormat.AllObjects.SelectMany(type => type.Fields).Select(field => field.Name)
            .Distinct();
        foreach (var key in new[] { "peerings", "useRemoteGateways", "kind", "connectedTo", "dnsForwarding",
            "privateDnsZones", "virtualNetworkLinks", "clients", "from", "clusteringPolicy", "highAvailability",
            "source", "requirements", "internetAccess", "geoReplication", "clustering", "onPremisesClients",
            "persistenceToFirewalledStorage", "maxTier", "supportedUntil" })
        {
            Assert.Contains(key, keys);
            Assert.Contains(key + ":", text);
        }
    }

    private static string Describe(WorkspaceModel model)
    {
        var text = new StringBuilder();
        static string Names(IEnumerable<Located<string>?> names) =>
            "[" + string.Join(", ", names.Select(name => name?.Value ?? "?")) + "]";
        foreach (var network in model.Networks)
        {
            text.Append($"network {network.Name?.Value}: kind {network.Kind?.Value.ToString() ?? "-"}, on premises " +
                $"{network.IsOnPremises}, peerings " +
                "[" + string.Join(", ", network.Peerings.Select(peering =>
                    $"{peering.Network?.Value} remote gateways {peering.UseRemoteGateways?.Value.ToString() ?? "-"}")) +
                $"], connectedTo {Names(network.ConnectedTo)}, dnsForwarding {Names(network.DnsForwarding)}\n");
        }
        text.Append($"privateDnsZones declared: {model.DeclaresPrivateDnsZones}\n");
        foreach (var zone in model.PrivateDnsZones)
        {
            text.Append($"zone {zone.Name?.Value}: links {Names(zone.VirtualNetworkLinks)}\n");
        }
        foreach (var cache in model.Caches)
        {
            text.Append($"cache {cache.DisplayName}: tier {cache.Tier?.Value} size {cache.Size?.Value}, " +
                "managed redis " +
                $"{cache.IsManagedRedis}, service {cache.Service.Name} ({cache.Service.GroupId}, " +
                $"{cache.PrivateDnsZone}), clusteringPolicy {cache.ClusteringPolicy?.Value.ToString() ?? "-"}, " +
                $"highAvailability {cache.HighAvailability?.Value.ToString() ?? "-"}\n");
            foreach (var rule in cache.FirewallRules)
            {
                text.Append($"  firewall rule {rule.Name?.Value}: start {rule.StartIpText?.Value ?? "-"} end " +
                    $"{rule.EndIpText?.Value ?? "-"} source {rule.SourceText?.Value ?? "-"}\n");
            }
            foreach (var client in cache.Clients)
            {
                text.Append($"  client {client.Name?.Value}: from {client.From?.Value}, reference " +
                    $"{client.FromIsReference}, network {client.FromNetwork ?? "-"}, public addresses " +
                    $"{client.PublicAddresses?.ToString() ?? "-"}\n");
            }
            if (cache.Requirements is { } requirements)
            {
                text.Append($"  requirements: internetAccess {requirements.InternetAccess?.Value.ToString() ?? "-"}, " +
                    $"geoReplication {requirements.GeoReplication?.Value.ToString() ?? "-"}, clustering " +
                    $"{requirements.Clustering?.Value.ToString() ?? "-"}, onPremisesClients " +
                    $"{requirements.OnPremisesClients?.Value.ToString() ?? "-"}, persistenceToFirewalledStorage " +
                    $"{requirements.PersistenceToFirewalledStorage?.Value.ToString() ?? "-"}, maxTier " +
                    $"{requirements.MaxTier?.Value.ToString() ?? "-"}, supportedUntil " +
                    $"{requirements.SupportedUntil?.Value.ToString("yyyy-MM-dd", null) ?? "-"}\n");
            }
        }
        return text.ToString();
    }
}
