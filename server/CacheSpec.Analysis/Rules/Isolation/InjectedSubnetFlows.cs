using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Shared by the two NSG rules: evaluates flows on an injected subnet's NSG and reports each blocking rule once.
/// </summary>
internal static class InjectedSubnetFlows
{
    /// <summary>
    /// The prefixes of the subnets where the geo-replication peers of this subnet's caches are injected (once per
    /// analysis).
    /// </summary>
    public static IReadOnlyList<Ipv4Range> GeoPeerPrefixes(WorkspaceModel model, SubnetModel subnet) =>
        model.Derived(nameof(GeoPeerPrefixes), subnet, () => model.CachesInjectedInto(subnet)
            .Select(cache => cache.LinkedCache is { } linked ? model.FindCache(linked.Value) : null)
            .Select(peer =>
                peer?.VnetInjection?.Subnet is { } reference ? model.FindSubnet(reference.Value)?.AddressPrefix : null)
            .OfType<Located<Cidr>>()
            .Select(prefix => prefix.Value.Range)
            .Where(range => subnet.AddressPrefix is not { } own || own.Value.Range != range)
            .Distinct()
            .ToArray());

    /// <summary>
    /// The flows the caches injected into a subnet need in one direction (none inbound while the subnet has no valid
    /// prefix).
    /// </summary>
    public static IReadOnlyList<RequiredFlow> RequiredFlows(WorkspaceModel model, SubnetModel subnet,
        TrafficDirection direction)
    {
        var geoPeers = GeoPeerPrefixes(model, subnet);
        if (direction == TrafficDirection.Outbound)
        {
            return VnetRequirements.Outbound(subnet.Network.DnsServers.Select(server => server.Value).ToArray(),
                geoPeers);
        }
        return subnet.AddressPrefix is { } prefix
            ? VnetRequirements.Inbound(prefix.Value.Range,
                subnet.Network.AddressSpace.Select(space => space.Value.Range).ToArray(), geoPeers)
            : Array.Empty<RequiredFlow>();
    }

    /// <summary>
    /// An evaluator of the NSG as it applies to the subnet. A geo-replica's network must be peered or connected,
    /// which puts its addresses inside the VirtualNetwork tag.
    /// </summary>
    public static NsgEvaluator Evaluator(WorkspaceModel model, SubnetModel subnet, NsgModel nsg) =>
        model.Derived(nameof(NsgEvaluator), (subnet, nsg), () =>
        {
            var virtualNetwork = subnet.Network.AddressSpace.Select(space => space.Value.Range)
                .Concat(GeoPeerPrefixes(model, subnet)).ToArray();
            return model.Memory.Get<NsgEvaluatorMemo>().For(nsg, NsgResolver.Resolve(nsg, model), virtualNetwork);
        });

    /// <summary>Reports, once per blocking NSG rule, the flows in one direction that the subnet's NSG blocks.</summary>
    public static void Check(RuleContext context, SubnetModel subnet, TrafficDirection direction)
    {
        var model = context.Model;
        if (subnet.NetworkSecurityGroup is not { } nsgReference || model.FindNsg(nsgReference.Value) is not { } nsg
            || subnet.AddressPrefix is not { } prefix)
        {
            return;
        }
        var blocking = model.Memory.Get<BlockedFlowsMemo>()
            .For(model, subnet, nsg, direction, GeoPeerPrefixes(model, subnet),
            () => Blocking(model, subnet, nsg, prefix.Value.Range, direction));
        if (blocking.Count == 0)
        {
            return;
        }
        var caches = string.Join(", ", model.CachesInjectedInto(subnet).Select(cache => $"'{cache.DisplayName}'"));
        var directionName = direction == TrafficDirection.Outbound ? "outbound" : "inbound";
        foreach (var (rule, blockedFlows) in blocking)
        {
            var message =
                $"NSG '{nsg.Name?.Value}' rule '{rule.Name}' (priority {rule.Priority}) blocks {directionName} " +
                $"{string.Join("; ", blockedFlows)} " +
                $"for the caches injected into '{subnet.QualifiedName}' ({caches}); they may not work.";
            if (rule.Origin is SecurityRuleModel origin)
            {
                context.Report(nsg.Document, origin.Access?.Node ?? origin.Syntax, message);
            }
            else
            {
                context.Report(subnet.Network.Document, nsgReference.Node, message);
            }
        }
    }

    /// <summary>
    /// One entry per blocking rule, listing every flow it blocks, so a broad Deny reads as one problem.
    /// </summary>
    private static BlockingRule[] Blocking(WorkspaceModel model, SubnetModel subnet, NsgModel nsg, Ipv4Range prefix,
        TrafficDirection direction)
    {
        var evaluator = Evaluator(model, subnet, nsg);
        var local = TrafficEndpoint.Addresses("the Redis subnet", prefix);
        var preposition = direction == TrafficDirection.Outbound ? "to" : "from";
        var blocked = new Dictionary<object, (NsgRule Rule, List<string> Flows)>();
        foreach (var flow in RequiredFlows(model, subnet, direction))
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
                blocked[key] = entry = (rule, new List<string>());
            }
            var description =
                $"{verdict.Protocol.ToString().ToUpperInvariant()} {verdict.Ports} {preposition} " +
                $"{flow.Remote.Description} ({flow.Purpose})";
            if (!entry.Flows.Contains(description))
            {
                entry.Flows.Add(description);
            }
        }
        return blocked.Values.Select(entry => new BlockingRule(entry.Rule, entry.Flows)).ToArray();
    }
}
