using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// Evaluates flows against an NSG as Azure does: rules of the flow's direction in priority order, the user's first and Azure's
/// defaults last, the first rule that matches deciding. A flow's port range is split at every rule's port boundaries so each
/// piece is decided on its own; a Deny that covers only part of a flow's addresses still counts as blocking it.
/// </summary>
public sealed class NsgEvaluator
{
    private readonly IReadOnlyList<NsgRule> inbound;
    private readonly IReadOnlyList<NsgRule> outbound;
    private readonly IReadOnlyList<Ipv4Range> virtualNetworkSpace;

    /// <param name="rules">The user's rules (any order).</param>
    /// <param name="virtualNetworkSpace">The address space of the network the NSG's subnet belongs to (what "VirtualNetwork" means).</param>
    public NsgEvaluator(IEnumerable<NsgRule> rules, IReadOnlyList<Ipv4Range> virtualNetworkSpace)
    {
        var all = rules.Concat(NsgRule.Defaults).OrderBy(rule => rule.Priority).ToArray();
        inbound = all.Where(rule => rule.Direction == TrafficDirection.Inbound).ToArray();
        outbound = all.Where(rule => rule.Direction == TrafficDirection.Outbound).ToArray();
        this.virtualNetworkSpace = virtualNetworkSpace;
    }

    /// <summary>Evaluates a flow between the local subnet and a remote endpoint; returns the first blocked piece, or an allowed verdict.</summary>
    public FlowVerdict Evaluate(RequiredFlow flow, TrafficEndpoint local)
    {
        var rules = flow.Direction == TrafficDirection.Inbound ? inbound : outbound;
        var (source, destination) = flow.Direction == TrafficDirection.Inbound ? (flow.Remote, local) : (local, flow.Remote);
        var protocols = flow.Protocol == TrafficProtocol.Any ? new[] { TrafficProtocol.Tcp, TrafficProtocol.Udp } : new[] { flow.Protocol };
        foreach (var protocol in protocols)
        {
            foreach (var piece in Split(flow.Ports, rules))
            {
                var verdict = Decide(rules, protocol, piece, source, destination);
                if (!verdict.Allowed)
                {
                    return verdict;
                }
            }
        }
        return new FlowVerdict(true, null, flow.Ports, flow.Protocol);
    }

    private FlowVerdict Decide(IReadOnlyList<NsgRule> rules, TrafficProtocol protocol, PortRange piece, TrafficEndpoint source, TrafficEndpoint destination)
    {
        foreach (var rule in rules)
        {
            if (rule.Protocol != TrafficProtocol.Any && rule.Protocol != protocol)
            {
                continue;
            }
            if (!rule.Ports.Any(ports => ports.Contains(piece.First)))
            {
                continue;
            }
            var sourceMatch = Match(rule.Source, source);
            var destinationMatch = Match(rule.Destination, destination);
            if (sourceMatch == SelectorMatch.None || destinationMatch == SelectorMatch.None)
            {
                continue;
            }
            var full = sourceMatch == SelectorMatch.Full && destinationMatch == SelectorMatch.Full;
            if (rule.Access == RuleAccess.Deny)
            {
                return new FlowVerdict(false, rule, piece, protocol);
            }
            if (full)
            {
                return new FlowVerdict(true, rule, piece, protocol);
            }
        }
        return new FlowVerdict(true, null, piece, protocol);
    }

    /// <summary>How much of an endpoint a selector covers.</summary>
    public SelectorMatch Match(AddressSelector selector, TrafficEndpoint endpoint)
    {
        if (selector.IsAny)
        {
            return SelectorMatch.Full;
        }
        if (endpoint.ServiceTag is { } serviceTag)
        {
            if (selector.Tag == serviceTag
                || (selector.Tag == "Internet" && TrafficEndpoint.PublicServiceTags.Contains(serviceTag))
                || (selector.Tag == "AzureCloud" && TrafficEndpoint.AzureServiceTags.Contains(serviceTag)))
            {
                return SelectorMatch.Full;
            }
            return selector.Ranges.Any(range => range == Ipv4Range.All) ? SelectorMatch.Full : SelectorMatch.None;
        }
        return selector.Tag switch
        {
            "VirtualNetwork" => Cover(virtualNetworkSpace, endpoint.Ranges),
            "Internet" => endpoint.Ranges.All(IsPublic) ? SelectorMatch.Full : endpoint.Ranges.Any(IsPublic) ? SelectorMatch.Partial : SelectorMatch.None,
            null => Cover(selector.Ranges, endpoint.Ranges),
            _ => SelectorMatch.None,
        };
    }

    private bool IsPublic(Ipv4Range range) =>
        !range.First.IsPrivate && !range.Last.IsPrivate && !virtualNetworkSpace.Any(space => space.Overlaps(range));

    private static SelectorMatch Cover(IReadOnlyList<Ipv4Range> selector, IReadOnlyList<Ipv4Range> endpoint)
    {
        if (endpoint.Count == 0)
        {
            return SelectorMatch.None;
        }
        if (endpoint.All(range => selector.Any(candidate => candidate.Contains(range))))
        {
            return SelectorMatch.Full;
        }
        return endpoint.Any(range => selector.Any(candidate => candidate.Overlaps(range))) ? SelectorMatch.Partial : SelectorMatch.None;
    }

    /// <summary>Cuts a port range at the boundaries of every rule's ports, so each piece is covered by a rule wholly or not at all.</summary>
    private static IEnumerable<PortRange> Split(PortRange ports, IReadOnlyList<NsgRule> rules)
    {
        var cuts = new SortedSet<int> { ports.First, ports.Last + 1 };
        foreach (var rule in rules)
        {
            foreach (var range in rule.Ports)
            {
                if (range.First > ports.First && range.First <= ports.Last)
                {
                    cuts.Add(range.First);
                }
                if (range.Last + 1 > ports.First && range.Last + 1 <= ports.Last)
                {
                    cuts.Add(range.Last + 1);
                }
            }
        }
        var bounds = cuts.ToArray();
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            yield return new PortRange(bounds[i], bounds[i + 1] - 1);
        }
    }
}
