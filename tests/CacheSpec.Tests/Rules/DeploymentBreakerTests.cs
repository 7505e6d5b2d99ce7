using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The four rules that catch designs Azure refuses or that cut a cache off (vnet-subnet-nat-gateway,
/// vnet-forced-tunneling, persistence-storage-firewall, geo-replication-address-overlap), on the cases their pages
/// describe beyond the pages' own examples.
/// </summary>
public class DeploymentBreakerTests
{
    /// <summary>One network with a Redis subnet (its extra keys indented under the subnet) and one cache injected
    /// there.</summary>
    private static string Injected(string subnetKeys, string networkKeys = "") => Specs.Header + $$"""
        networks:
          - name: hub
            addressSpace: [10.0.0.0/16]
        {{networkKeys}}
            subnets:
              - name: redis
                addressPrefix: 10.0.1.0/28
        {{subnetKeys}}
        caches:
          - name: orders
            tier: Premium
            size: P1
            isolation:
              vnetInjection: {subnet: hub/redis}
        """;

    private static string Routes(params string[] routes) =>
        "        routes:\n" + string.Concat(routes.Select(route =>
        {
            var parts = route.Split(' ');
            return $"          - {{name: r{parts[0].Replace('.', '-').Replace('/', '-')}, addressPrefix: {parts[0]}, " +
                $"nextHop: {parts[1]}}}\n";
        }));

    private static IEnumerable<Diagnostic> Of(string code, string text, GuidanceProfile profile) =>
        Specs.Analyze(text, profile).Diagnostics.Where(d => d.Code == code);

    [Theory]
    [InlineData(GuidanceProfile.Current, 1)]
    [InlineData(GuidanceProfile.V2020_10, 0)]
    public void A_nat_gateway_on_an_injected_subnet_is_reported_under_the_current_guidance_only(
        GuidanceProfile profile, int count)
    {
        var findings = Of("vnet-subnet-nat-gateway", Injected("        natGateway: true"), profile).ToArray();
        Assert.Equal(count, findings.Length);
        Assert.All(findings, finding => Assert.Contains("'orders'", finding.Message));
        var withoutCache = Injected("        natGateway: true").Replace("vnetInjection: {subnet: hub/redis}",
            "publicNetworkAccess: Enabled");
        Assert.Empty(Of("vnet-subnet-nat-gateway", withoutCache, GuidanceProfile.Current));
    }

    [Theory]
    [InlineData("0.0.0.0/0 VirtualAppliance", "through the appliance")]
    [InlineData("0.0.0.0/0 VirtualNetworkGateway", "through the gateway")]
    [InlineData("0.0.0.0/0 None", "drops the traffic")]
    [InlineData("0.0.0.0/0 VirtualAppliance|0.0.0.0/1 Internet", "Azure Storage")]
    [InlineData("0.0.0.0/0 VirtualAppliance|0.0.0.0/1 Internet|128.0.0.0/1 Internet", null)]
    [InlineData("0.0.0.0/0 Internet", null)]
    [InlineData("0.0.0.0/1 VirtualAppliance|128.0.0.0/1 VirtualAppliance", null)]
    [InlineData("10.0.0.0/8 VirtualAppliance", null)]
    public void The_default_route_is_judged_by_what_more_specific_routes_leave_to_it(string routes, string? says)
    {
        var text = Injected(Routes(routes.Split('|')).TrimEnd('\n'));
        foreach (var profile in new[] { GuidanceProfile.V2020_10, GuidanceProfile.Current })
        {
            var findings = Of("vnet-forced-tunneling", text, profile).ToArray();
            if (says is null)
            {
                Assert.Empty(findings);
                continue;
            }
            var finding = Assert.Single(findings);
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Contains(says, finding.Message);
            Assert.Contains("Route 'r0-0-0-0-0'", finding.Message);
            Assert.Contains("Azure Storage, Key Vault, Monitor and the PKI", finding.Message);
        }
    }

    [Fact]
    public void A_dropping_default_route_cuts_off_the_dns_servers_no_closer_route_or_range_holds()
    {
        var text = Injected(Routes("0.0.0.0/0 None", "192.168.10.0/24 VirtualNetworkGateway").TrimEnd('\n'),
            "    dnsServers: [10.0.0.4, 192.168.10.53, 203.0.113.53]");
        var finding = Assert.Single(Of("vnet-forced-tunneling", text, GuidanceProfile.Current));
        Assert.Contains("and DNS server 203.0.113.53", finding.Message);
        Assert.DoesNotContain("10.0.0.4", finding.Message);
        Assert.DoesNotContain("192.168.10.53", finding.Message);
    }

    /// <summary>A Premium cache persisting (rdb) to a firewalled storage account, with the given authentication line
    /// and isolation.</summary>
    private static string Persisting(string authentication, string isolation, string tier = "Premium") =>
        Specs.Header + $$"""
        networks:
          - name: hub
            addressSpace: [10.0.0.0/16]
            subnets:
              - {name: endpoints, addressPrefix: 10.0.2.0/24}
              - {name: redis, addressPrefix: 10.0.1.0/28}
        caches:
          - name: orders
            tier: {{tier}}
            size: {{(tier == "Premium" ? "P1" : "C1")}}
            persistence:
              mode: rdb
              storageFirewall: true
        {{authentication}}
            isolation:
        {{isolation}}
        """;

    private const string PrivateLink =
        "      publicNetworkAccess: Disabled\n      privateEndpoints: [{name: pe-orders, subnet: hub/endpoints}]";

    private const string Injection = "      vnetInjection: {subnet: hub/redis}";

    [Theory]
    [InlineData("      authentication: managedIdentity", PrivateLink, GuidanceProfile.V2020_10, "storageFirewall")]
    [InlineData("      authentication: sas", Injection, GuidanceProfile.V2020_10, null)]
    [InlineData("      authentication: sas", PrivateLink, GuidanceProfile.Current, "authentication")]
    [InlineData("", Injection, GuidanceProfile.Current, "storageFirewall")]
    [InlineData("      authentication: managedIdentity", Injection, GuidanceProfile.Current, null)]
    [InlineData("      authentication: managedIdentity", PrivateLink, GuidanceProfile.Current, null)]
    public void Each_profile_flags_its_own_caches_that_persist_to_a_firewalled_storage_account(string authentication,
        string isolation, GuidanceProfile profile, string? on)
    {
        var text = Persisting(authentication, isolation);
        var findings = Of("persistence-storage-firewall", text, profile).ToArray();
        if (on is null)
        {
            Assert.Empty(findings);
            return;
        }
        var finding = Assert.Single(findings);
        var line = text.Split('\n')[finding.Range.Start.Line];
        Assert.StartsWith(on + ":", line.TrimStart());
    }

    [Fact]
    public void Persistence_on_a_standard_cache_is_left_to_persistence_requires_premium()
    {
        var codes = Specs.Analyze(Persisting("", PrivateLink, tier: "Standard"), GuidanceProfile.Current).Codes();
        Assert.Contains("persistence-requires-premium", codes);
        Assert.DoesNotContain("persistence-storage-firewall", codes);
    }

    /// <summary>Two networks and two caches injected one in each; the second cache's geoReplication as given.</summary>
    private static string GeoPair(string westSpace, string northSpace, string northGeo,
        string northIsolation = "vnetInjection: {subnet: north/redis}") => Specs.Header + $$"""
        networks:
          - name: west
            addressSpace: [{{westSpace}}]
            subnets: [{name: redis, addressPrefix: 10.0.1.0/28}, {name: pe, addressPrefix: 10.0.2.0/28}]
          - name: north
            addressSpace: [{{northSpace}}]
            subnets: [{name: redis, addressPrefix: 10.0.1.0/28}, {name: pe, addressPrefix: 10.0.2.0/28}]
        caches:
          - name: west-cache
            tier: Premium
            size: P1
            geoReplication: {linkedCache: north-cache, role: primary}
            isolation:
              vnetInjection: {subnet: west/redis}
          - name: north-cache
            tier: Premium
            size: P1
        {{northGeo}}
            isolation:
              {{northIsolation}}
        """;

    private const string LinksBack = "    geoReplication: {linkedCache: west-cache, role: secondary}";

    [Fact]
    public void Overlapping_networks_of_a_geo_replicated_pair_are_reported_on_both_sides()
    {
        var findings = Of("geo-replication-address-overlap", GeoPair("10.0.0.0/16", "10.0.0.0/20", LinksBack),
            GuidanceProfile.V2020_10).ToArray();
        Assert.Equal(4, findings.Length);
        Assert.Equal(2, findings.Count(finding => finding.Message.StartsWith("Cache ", StringComparison.Ordinal)));
        Assert.Contains(findings, finding => finding.Message.StartsWith(
            "Address space 10.0.0.0/16 of network 'west' overlaps 10.0.0.0/20 of 'north'", StringComparison.Ordinal));
        Assert.Contains(findings, finding => finding.Message.StartsWith(
            "Address space 10.0.0.0/20 of network 'north' overlaps 10.0.0.0/16 of 'west'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_declared_on_one_side_reports_both_networks_and_one_geo_replication()
    {
        var findings = Of("geo-replication-address-overlap", GeoPair("10.0.0.0/16", "10.0.0.0/16", ""),
            GuidanceProfile.Current).ToArray();
        Assert.Equal(3, findings.Length);
        Assert.Single(findings, finding => finding.Message.StartsWith("Cache 'west-cache'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.1.0.0/16", "vnetInjection: {subnet: north/redis}")]
    [InlineData("10.0.0.0/16", "privateEndpoints: [{name: pe-north, subnet: north/pe}]")]
    public void Separate_address_spaces_and_private_link_replicas_are_not_reported(string northSpace,
        string northIsolation)
    {
        var text = GeoPair("10.0.0.0/16", northSpace, LinksBack, northIsolation);
        Assert.Empty(Of("geo-replication-address-overlap", text, GuidanceProfile.Current));
    }
}
