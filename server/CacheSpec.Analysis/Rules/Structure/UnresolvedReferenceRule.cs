using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Every reference names something of the model: subnets ("network/subnet"), NSGs and linked caches, in any file; and
/// (v1.1) the networks of peerings, gateway connections, zone links and clients (an address as a client's "from" is no
/// reference).
/// </summary>
public sealed class UnresolvedReferenceRule : Rule
{
    public override string Id => "unresolved-reference";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Model;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A subnet, network, NSG or linked cache reference names nothing in the model.";
    public override FixProvider Fix { get; } = new UnresolvedReferenceFix();

    /// <summary>The hints kept from one analysis to the next, one memory per kind of name.</summary>
    private sealed class Hints
    {
        public HintMemory Subnets { get; } = new();
        public HintMemory Nsgs { get; } = new();
        public HintMemory Caches { get; } = new();
        public HintMemory Networks { get; } = new();
    }

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var hints = model.Memory.Get<Hints>();
        var meter = context.Budget.Meter;
        var subnetNames = new Lazy<string[]>(() =>
            model.Subnets.Select(subnet => subnet.QualifiedName).OfType<string>().ToArray());
        var nsgNames = new Lazy<string[]>(() =>
            model.NetworkSecurityGroups.Select(nsg => nsg.Name?.Value).OfType<string>().ToArray());
        var cacheNames = new Lazy<string[]>(() =>
            model.Caches.Select(cache => cache.Name?.Value).OfType<string>().ToArray());
        var networkNames = new Lazy<string[]>(() =>
            model.Networks.Select(network => network.Name?.Value).OfType<string>().ToArray());

        void CheckNetwork(SpecDocument document, Located<string>? reference)
        {
            if (reference is null || model.FindNetwork(reference.Value) is not null
                || model.MayBeDeclaredInUnreadText(reference.Value))
            {
                return;
            }
            context.Report(document, reference.Node, $"No network is named '{reference.Value}'."
                + hints.Networks.DidYouMean(reference.Value, networkNames.Value, meter));
        }

        void CheckSubnet(SpecDocument document, Located<string>? reference)
        {
            if (reference is null || !reference.Value.Contains('/') || model.FindSubnet(reference.Value) is not null)
            {
                return;
            }
            var network = reference.Value[..reference.Value.IndexOf('/')];
            var declared = model.FindNetwork(network);
            var unreadPart = declared is null ? network : reference.Value[(network.Length + 1)..];
            if ((declared is null || declared.Syntax.IsCutShort) && model.MayBeDeclaredInUnreadText(unreadPart))
            {
                return;
            }
            var reason = declared is null ? $"no network is named '{network}'"
                : $"network '{network}' has no such subnet";
            context.Report(document, reference.Node,
                $"The subnet '{reference.Value}' cannot be found: {reason}."
                + hints.Subnets.DidYouMean(reference.Value, subnetNames.Value, meter));
        }

        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            context.Unit = network;
            foreach (var peer in network.Peerings.Select(peering => peering.Network).Concat(network.ConnectedTo))
            {
                context.Checkpoint();
                CheckNetwork(network.Document, peer);
            }
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                if (subnet.NetworkSecurityGroup is { } nsg && model.FindNsg(nsg.Value) is null
                    && !model.MayBeDeclaredInUnreadText(nsg.Value))
                {
                    context.Report(network.Document, nsg.Node,
                        $"No network security group is named '{nsg.Value}'."
                        + hints.Nsgs.DidYouMean(nsg.Value, nsgNames.Value, meter));
                }
            }
        }
        foreach (var nsg in context.NetworkSecurityGroups)
        {
            context.Checkpoint();
            context.Unit = nsg;
            foreach (var rule in nsg.Rules)
            {
                context.Checkpoint();
                foreach (var address in new[] { rule.Source, rule.Destination })
                {
                    context.Checkpoint();
                    if (address is not null && AddressText.LooksLikeSubnetReference(address.Value))
                    {
                        CheckSubnet(nsg.Document, address);
                    }
                }
            }
        }
        foreach (var cache in context.Caches)
        {
            context.Checkpoint();
            context.Unit = cache;
            CheckSubnet(cache.Document, cache.VnetInjection?.Subnet);
            foreach (var endpoint in cache.PrivateEndpoints)
            {
                context.Checkpoint();
                CheckSubnet(cache.Document, endpoint.Subnet);
            }
            foreach (var client in cache.Clients)
            {
                context.Checkpoint();
                if (client.FromIsReference && client.From!.Value.Contains('/'))
                {
                    CheckSubnet(cache.Document, client.From);
                }
                else if (client.FromIsReference)
                {
                    CheckNetwork(cache.Document, client.From);
                }
            }
            if (cache.LinkedCache is { } linked && model.FindCache(linked.Value) is null
                && !model.MayBeDeclaredInUnreadText(linked.Value))
            {
                context.Report(cache.Document, linked.Node,
                    $"No cache is named '{linked.Value}'." + hints.Caches.DidYouMean(linked.Value, cacheNames.Value,
                        meter));
            }
        }
        foreach (var zone in context.PrivateDnsZones)
        {
            context.Checkpoint();
            context.Unit = zone;
            foreach (var link in zone.VirtualNetworkLinks)
            {
                context.Checkpoint();
                CheckNetwork(zone.Document, link);
            }
        }
    }
}
