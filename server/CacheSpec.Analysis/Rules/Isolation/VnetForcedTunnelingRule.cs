using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Forced tunnelling on a subnet with injected caches: its default route (0.0.0.0/0) sends traffic to an appliance or a
/// gateway, or drops it, and no more specific route takes the cache's dependencies out. Each dependency goes where the
/// longest prefix that contains it says: Azure Storage, Key Vault, Monitor and the PKI hosts have public addresses the
/// spec does not know, so only a route that covers every public address decides for them; a custom DNS server has a
/// known address, matched against the subnet's routes and its network's address space.
/// </summary>
public sealed class VnetForcedTunnelingRule : Rule
{
    /// <summary>The dependencies at public addresses that user-defined routes can cut off (S8 2020-10-09, S10
    /// 2025-09-11): Azure's own DNS (168.63.129.16) is not routed by them, and the cache's own and its geo-replicas'
    /// subnets are reached through more specific network routes.</summary>
    private static readonly IReadOnlyList<string> PublicDependencies =
        ["Azure Storage", "Key Vault", "Monitor", "the PKI (certificate revocation) hosts"];

    /// <summary>Private and shared ranges, where none of the public dependencies lives.</summary>
    private static readonly IReadOnlyList<Ipv4Range> NonPublic =
        new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10" }
            .Select(text => Cidr.TryParse(text, out var cidr) ? cidr.Range : default).ToArray();

    public override string Id => "vnet-forced-tunneling";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.InjectedSubnet;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Warning);
    public override string Summary =>
        "The injected subnet's default route (0.0.0.0/0) sends the cache's dependency traffic to an appliance or " +
        "gateway, or drops it.";
    public override FixProvider Fix { get; } = new VnetForcedTunnelingFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var subnet in context.InjectedSubnets)
        {
            context.Checkpoint(1 + subnet.Routes.Count);
            context.Unit = subnet;
            if (DefaultRoute(subnet) is not { NextHop: { } hop } route)
            {
                continue;
            }
            var cutOff = CutOff(subnet, route);
            if (cutOff.Count == 0)
            {
                continue;
            }
            var caches = string.Join(", ",
                context.Model.CachesInjectedInto(subnet).Select(cache => $"'{cache.DisplayName}'"));
            var what = Join(cutOff);
            var routeName = route.Name?.Value ?? "(unnamed)";
            context.Report(subnet.Network.Document, hop.Node, hop.Value == "None"
                ? $"Route '{routeName}' (0.0.0.0/0 to None) on subnet '{subnet.QualifiedName}' drops the traffic " +
                    $"of its injected caches ({caches}) to {what}: they are cut off from their dependencies."
                : $"Route '{routeName}' (0.0.0.0/0 to {hop.Value}) on subnet '{subnet.QualifiedName}' forces the " +
                    $"traffic of its injected caches ({caches}) to {what} through the {Describe(hop.Value)}; unless " +
                    "it lets that traffic out, they are cut off; route 0.0.0.0/0 to Internet here.");
        }
    }

    /// <summary>
    /// The subnet's default route when it does not lead to the internet: the first route of prefix 0.0.0.0/0 (a route
    /// table holds one route per prefix), whose next hop is an appliance, a gateway or None.
    /// </summary>
    internal static RouteModel? DefaultRoute(SubnetModel subnet)
    {
        var route = subnet.Routes.FirstOrDefault(candidate => candidate.AddressPrefix?.Value.PrefixLength == 0);
        return route?.NextHop?.Value is "VirtualAppliance" or "VirtualNetworkGateway" or "None" ? route : null;
    }

    /// <summary>What the default route cuts off, by longest prefix match for each dependency.</summary>
    private static List<string> CutOff(SubnetModel subnet, RouteModel defaultRoute)
    {
        var cut = new List<string>();
        var specific = subnet.Routes.Where(route => route != defaultRoute)
            .Select(route => route.AddressPrefix?.Value)
            .OfType<Cidr>()
            .Where(cidr => cidr.PrefixLength > 0)
            .ToArray();
        if (!Covers(specific.Select(cidr => cidr.Range).Concat(NonPublic)))
        {
            cut.AddRange(PublicDependencies);
        }
        if (defaultRoute.NextHop?.Value == "None")
        {
            // A DNS server's address is known: only when no route of the subnet and no range of its network holds it
            // more closely does the default route decide, and None drops the lookups. An appliance or a gateway is
            // where a private DNS server is usually reached, so those are not judged.
            var closer = specific.Concat(subnet.Network.AddressSpace.Select(space => space.Value)).ToArray();
            cut.AddRange(subnet.Network.DnsServers
                .Where(server => !closer.Any(cidr => cidr.Range.Contains(server.Value)))
                .Select(server => $"DNS server {server.Value}"));
        }
        return cut;
    }

    /// <summary>True when the ranges together cover every IPv4 address.</summary>
    private static bool Covers(IEnumerable<Ipv4Range> ranges)
    {
        ulong next = 0;
        foreach (var range in ranges.OrderBy(range => range.First.Value))
        {
            if (range.First.Value > next)
            {
                return false;
            }
            next = Math.Max(next, (ulong)range.Last.Value + 1);
        }
        return next > uint.MaxValue;
    }

    private static string Describe(string hop) =>
        hop == "VirtualAppliance" ? "appliance" : "gateway";

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
