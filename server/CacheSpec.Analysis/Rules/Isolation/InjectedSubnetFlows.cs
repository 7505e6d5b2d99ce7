using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Shared by the two NSG rules: evaluates flows on an injected subnet's NSG and reports each blocking rule once.
/// </summary>
internal static class InjectedSubnetFlows
{
    /// <summary>
    /// The subnets where the geo-replication peers of this subnet's caches are injected (once per analysis).
    /// </summary>
    public static IReadOnlyList<NamedRange> GeoPeers(WorkspaceModel model, SubnetModel subnet) =>
        model.Derived(nameof(GeoPeers), subnet, () => model.CachesInjectedInto(subnet)
            .Select(cache => cache.LinkedCache is { } linked ? model.FindCache(linked.Value) : null)
            .Select(peer => peer?.VnetInjection?.Subnet is { } reference ? model.FindSubnet(reference.Value) : null)
            .Select(peer => peer is { AddressPrefix: { } prefix, QualifiedName: { } name }
                ? new NamedRange(name, prefix.Value) : null)
            .OfType<NamedRange>()
            .Where(peer => subnet.AddressPrefix is not { } own || own.Value.Range != peer.Range)
            .Distinct()
            .ToArray());

    /// <summary>
    /// The flows the caches injected into a subnet need in one direction, by the NSG table of the profile of the NSG's
    /// document (the document whose rules the findings judge); none while the subnet has no valid prefix.
    /// </summary>
    public static IReadOnlyList<RequiredFlow> RequiredFlows(WorkspaceModel model, SubnetModel subnet, NsgModel nsg,
        TrafficDirection direction)
    {
        if (subnet.AddressPrefix is not { } prefix)
        {
            return Array.Empty<RequiredFlow>();
        }
        var network = subnet.Network;
        // Past the limit the client rows are not judged (an empty list), rather than judged against some subnets only.
        var others = network.Subnets.Count - 1 > AnalysisLimits.MaxAssumedClientSubnets ? [] : network.Subnets
            .Where(other => !ReferenceEquals(other, subnet))
            .Select(other => other is { AddressPrefix: { } otherPrefix, QualifiedName: { } name }
                && otherPrefix.Value.Range != prefix.Value.Range ? new NamedRange(name, otherPrefix.Value) : null)
            .OfType<NamedRange>()
            .ToArray();
        var ends = new VnetRequirements.FarEnds(
            new NamedRange(subnet.QualifiedName ?? prefix.Value.ToString(), prefix.Value),
            network.Name?.Value ?? "(unnamed network)",
            network.AddressSpace.Select(space => space.Value).ToArray(),
            others,
            network.DnsServers.Select(server => server.Value).ToArray(),
            GeoPeers(model, subnet));
        return VnetRequirements.Flows(Table(nsg.Document.Profile), direction, ends);
    }

    /// <summary>The NSG table of a guidance profile.</summary>
    public static IReadOnlyList<NsgTableRow> Table(GuidanceProfile profile) =>
        AzureFacts.Catalog.NsgTable(GuidanceProfiles.ToText(profile));

    /// <summary>
    /// An evaluator of the NSG as it applies to the subnet. A geo-replica's network must be peered or connected,
    /// which puts its addresses inside the VirtualNetwork tag.
    /// </summary>
    public static NsgEvaluator Evaluator(WorkspaceModel model, SubnetModel subnet, NsgModel nsg) =>
        model.Derived(nameof(NsgEvaluator), (subnet, nsg), () =>
        {
            var virtualNetwork = subnet.Network.AddressSpace.Select(space => space.Value.Range)
                .Concat(GeoPeers(model, subnet).Select(peer => peer.Range)).ToArray();
            return model.Memory.Get<NsgEvaluatorMemo>().For(nsg, NsgResolver.Resolve(nsg, model), virtualNetwork);
        });

    /// <summary>Reports, once per blocking NSG rule, the flows in one direction that the subnet's NSG blocks.</summary>
    public static void Check(RuleContext context, SubnetModel subnet, TrafficDirection direction)
    {
        var model = context.Model;
        if (subnet.NetworkSecurityGroup is not { } nsgReference || model.FindNsg(nsgReference.Value) is not { } nsg
            || subnet.AddressPrefix is null)
        {
            return;
        }
        var blocking = model.Memory.Get<BlockedFlowsMemo>()
            .For(model, subnet, nsg, direction, GeoPeers(model, subnet),
            () => Blocking(model, subnet, nsg, direction));
        if (blocking.Count == 0)
        {
            return;
        }
        var caches = model.CachesInjectedInto(subnet).Select(cache => cache.DisplayName).ToArray();
        foreach (var entry in blocking)
        {
            var (message, detail) = BlockedFlowText.Describe(nsg.Name?.Value ?? "(unnamed NSG)", entry, direction,
                subnet.QualifiedName ?? "(unnamed subnet)", caches);
            if (entry.Rule.Origin is SecurityRuleModel origin)
            {
                context.Report(nsg.Document, origin.Access?.Node ?? origin.Syntax, message, detail);
            }
            else
            {
                context.Report(subnet.Network.Document, nsgReference.Node, message, detail);
            }
        }
    }

    /// <summary>
    /// One entry per blocking rule, listing every piece of a flow it blocks, so a broad Deny reads as one problem. A
    /// flow of both protocols is judged per protocol, so that the account says which of them a rule blocks.
    /// </summary>
    private static BlockingRule[] Blocking(WorkspaceModel model, SubnetModel subnet, NsgModel nsg,
        TrafficDirection direction)
    {
        var evaluator = Evaluator(model, subnet, nsg);
        var local = TrafficEndpoint.Addresses("the Redis subnet", subnet.AddressPrefix!.Value.Range);
        var blocked = new Dictionary<object, (NsgRule Rule, List<BlockedFlow> Flows)>();
        foreach (var required in RequiredFlows(model, subnet, nsg, direction))
        {
            var flows = required.Protocol == TrafficProtocol.Any
                ? [required with { Protocol = TrafficProtocol.Tcp }, required with { Protocol = TrafficProtocol.Udp }]
                : new[] { required };
            foreach (var flow in flows)
            {
                var verdict = evaluator.Evaluate(flow, local);
                if (verdict.Allowed)
                {
                    continue;
                }
                var rule = verdict.DecidingRule!;
                var key = rule.Origin ?? rule;
                if (!blocked.TryGetValue(key, out var entry))
                {
                    blocked[key] = entry = (rule, new List<BlockedFlow>());
                }
                var piece = new BlockedFlow(verdict.Protocol, verdict.Ports, flow.Remote, flow.Purpose);
                if (!entry.Flows.Contains(piece))
                {
                    entry.Flows.Add(piece);
                }
            }
        }
        return blocked.Values.Select(entry => new BlockingRule(entry.Rule, entry.Flows)).ToArray();
    }
}
