
namespace CacheSpec.Analysis.Network;

/// <summary>
/// Evaluates flows against an NSG as Azure does: rules of the flow's direction in priority order, the user's first and
/// Azure's defaults last, the first rule that matches deciding. A flow's port range is split at every rule's port
/// boundaries so each piece is decided on its own; a Deny that covers only part of a flow's addresses still counts as
/// blocking it.
/// </summary>
public sealed class NsgEvaluator
{
    private readonly NsgRule[] inbound;
    private readonly NsgRule[] outbound;
    private readonly int[] inboundCuts;
    private readonly int[] outboundCuts;
    private readonly IReadOnlyList<Ipv4Range> virtualNetworkSpace;

    /// <param name="rules">The user's rules (any order).</param>
    /// <param name="virtualNetworkSpace">The address space of the network the NSG's subnet belongs to (what
    /// "VirtualNetwork" means).</param>
    public NsgEvaluator(IEnumerable<NsgRule> rules, IReadOnlyList<Ipv4Range> virtualNetworkSpace)
    {
        var all = rules.Concat(NsgRule.Defaults).OrderBy(rule => rule.Priority).ToArray();
        inbound = all.Where(rule => rule.Direction == TrafficDirection.Inbound).ToArray();
        outbound = all.Where(rule => rule.Direction == TrafficDirection.Outbound).ToArray();
        inboundCuts = PortBoundaries(inbound);
        outboundCuts = PortBoundaries(outbound);
        this.virtualNetworkSpace = virtualNetworkSpace;
    }

    /// <summary>
    /// Evaluates a flow between the local subnet and a remote endpoint; returns the first blocked piece, or an allowed
    /// verdict.
    /// </summary>
    public FlowVerdict Evaluate(RequiredFlow flow, TrafficEndpoint local)
    {
        if (flow.Remote.AnyOf.Count > 0)
        {
            // Blocked only when blocked from (or to) every choice: the first one's verdict stands for them.
            FlowVerdict? first = null;
            foreach (var choice in flow.Remote.AnyOf)
            {
                var verdict = Evaluate(flow with { Remote = choice }, local);
                if (verdict.Allowed)
                {
                    return verdict;
                }
                first ??= verdict;
            }
            return first!;
        }
        if (flow.Protocol != TrafficProtocol.Any)
        {
            return FirstBlockedPiece(flow, flow.Protocol, local)
                ?? new FlowVerdict(true, null, flow.Ports, flow.Protocol);
        }
        return FirstBlockedPiece(flow, TrafficProtocol.Tcp, local)
            ?? FirstBlockedPiece(flow, TrafficProtocol.Udp, local)
            ?? new FlowVerdict(true, null, flow.Ports, flow.Protocol);
    }

    /// <summary>
    /// Walks the flow's ports for one protocol in pieces cut at every rule boundary inside them, so each piece is
    /// covered by a rule wholly or not at all; returns the first piece a rule blocks, or null.
    /// </summary>
    private FlowVerdict? FirstBlockedPiece(RequiredFlow flow, TrafficProtocol protocol, TrafficEndpoint local)
    {
        var inboundFlow = flow.Direction == TrafficDirection.Inbound;
        var (rules, cuts) = inboundFlow ? (inbound, inboundCuts) : (outbound, outboundCuts);
        var (source, destination) = inboundFlow ? (flow.Remote, local) : (local, flow.Remote);
        var pieceFirst = flow.Ports.First;
        for (var cut = FirstCutAfter(cuts, pieceFirst); pieceFirst <= flow.Ports.Last; cut++)
        {
            var pieceLast = cut < cuts.Length && cuts[cut] <= flow.Ports.Last ? cuts[cut] - 1 : flow.Ports.Last;
            if (Decide(rules, protocol, pieceFirst, source, destination) is { } blocking)
            {
                return new FlowVerdict(false, blocking, new PortRange(pieceFirst, pieceLast), protocol);
            }
            pieceFirst = pieceLast + 1;
        }
        return null;
    }

    /// <summary>
    /// The Deny rule that decides a piece of ports (given by its first port), or null when the piece is allowed.
    /// </summary>
    private NsgRule? Decide(NsgRule[] rules, TrafficProtocol protocol, int port, TrafficEndpoint source,
        TrafficEndpoint destination)
    {
        foreach (var rule in rules)
        {
            if ((rule.Protocol != TrafficProtocol.Any && rule.Protocol != protocol) || !CoversPort(rule.Ports, port))
            {
                continue;
            }
            var sourceMatch = Match(rule.Source, source);
            if (sourceMatch == SelectorMatch.None)
            {
                continue;
            }
            var destinationMatch = Match(rule.Destination, destination);
            if (destinationMatch == SelectorMatch.None)
            {
                continue;
            }
            if (rule.Access == RuleAccess.Deny)
            {
                return rule;
            }
            if (sourceMatch == SelectorMatch.Full && destinationMatch == SelectorMatch.Full)
            {
                return null;
            }
        }
        return null;
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
            // A tag covers the same tag and the tags inside it; a narrower tag covers part of a broader one (Storage
            // is part of AzureCloud and of the internet). Address ranges other than 0.0.0.0/0 are not compared with
            // a service's addresses, which the spec does not know.
            if (selector.Tag is { } tag)
            {
                return TrafficEndpoint.TagCovers(tag, serviceTag) ? SelectorMatch.Full
                    : TrafficEndpoint.TagCovers(serviceTag, tag) ? SelectorMatch.Partial : SelectorMatch.None;
            }
            return IndexOf(selector.Ranges, Ipv4Range.All) >= 0 ? SelectorMatch.Full : SelectorMatch.None;
        }
        return selector.Tag switch
        {
            "VirtualNetwork" => Cover(virtualNetworkSpace, endpoint.Ranges),
            "Internet" => CoverByPublic(endpoint.Ranges),
            null => Cover(selector.Ranges, endpoint.Ranges),
            _ => SelectorMatch.None,
        };
    }

    private SelectorMatch CoverByPublic(IReadOnlyList<Ipv4Range> endpoint)
    {
        var publicRanges = 0;
        for (var i = 0; i < endpoint.Count; i++)
        {
            if (IsPublic(endpoint[i]))
            {
                publicRanges++;
            }
        }
        return publicRanges == endpoint.Count ? SelectorMatch.Full : publicRanges > 0 ? SelectorMatch.Partial
            : SelectorMatch.None;
    }

    private bool IsPublic(Ipv4Range range)
    {
        if (range.First.IsPrivate || range.Last.IsPrivate)
        {
            return false;
        }
        for (var i = 0; i < virtualNetworkSpace.Count; i++)
        {
            if (virtualNetworkSpace[i].Overlaps(range))
            {
                return false;
            }
        }
        return true;
    }

    private static SelectorMatch Cover(IReadOnlyList<Ipv4Range> selector, IReadOnlyList<Ipv4Range> endpoint)
    {
        if (endpoint.Count == 0)
        {
            return SelectorMatch.None;
        }
        var contained = 0;
        var overlapping = 0;
        for (var i = 0; i < endpoint.Count; i++)
        {
            var range = endpoint[i];
            var contains = false;
            var overlaps = false;
            for (var j = 0; j < selector.Count && !contains; j++)
            {
                contains = selector[j].Contains(range);
                overlaps |= contains || selector[j].Overlaps(range);
            }
            contained += contains ? 1 : 0;
            overlapping += overlaps ? 1 : 0;
        }
        return contained == endpoint.Count ? SelectorMatch.Full : overlapping > 0 ? SelectorMatch.Partial
            : SelectorMatch.None;
    }

    private static bool CoversPort(IReadOnlyList<PortRange> ranges, int port)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(port))
            {
                return true;
            }
        }
        return false;
    }

    private static int IndexOf(IReadOnlyList<Ipv4Range> ranges, Ipv4Range wanted)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i] == wanted)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Every port where some rule's coverage starts or stops (a range's first port and the one after its last), sorted,
    /// once per NSG.
    /// </summary>
    private static int[] PortBoundaries(NsgRule[] rules)
    {
        var cuts = new List<int>();
        foreach (var rule in rules)
        {
            foreach (var range in rule.Ports)
            {
                cuts.Add(range.First);
                cuts.Add(range.Last + 1);
            }
        }
        cuts.Sort();
        var distinct = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            if (distinct == 0 || cuts[i] != cuts[distinct - 1])
            {
                cuts[distinct++] = cuts[i];
            }
        }
        return cuts.GetRange(0, distinct).ToArray();
    }

    /// <summary>The index of the first boundary above a port (the array's length when there is none).</summary>
    private static int FirstCutAfter(int[] cuts, int port)
    {
        var index = Array.BinarySearch(cuts, port + 1);
        return index >= 0 ? index : ~index;
    }
}
