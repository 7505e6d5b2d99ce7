using CacheSpec.Analysis.Network;
using CsCheck;

namespace CacheSpec.Tests.Network;

/// <summary>
/// The evaluator splits a flow's ports at rule boundaries and decides each piece once; deciding port by port, with the
/// plain reading of Azure's semantics below, must give the same answer: the same first blocked protocol and port, the
/// same deciding rule.
/// </summary>
public class NsgEvaluatorPropertyTests
{
    private static readonly Ipv4Range VirtualNetwork = Range("10.0.0.0/16");
    private static readonly TrafficEndpoint Local = TrafficEndpoint.Addresses("the Redis subnet", Range("10.0.1.0/27"));

    private static readonly AddressSelector[] Selectors =
    {
        AddressSelector.Any,
        AddressSelector.ForTag("VirtualNetwork"),
        AddressSelector.ForTag("Internet"),
        AddressSelector.ForTag("Storage"),
        AddressSelector.ForTag("AzureCloud"),
        AddressSelector.ForTag("AzureLoadBalancer"),
        AddressSelector.ForRanges(Range("10.0.1.0/27")),
        AddressSelector.ForRanges(Range("10.0.0.0/24")),
        AddressSelector.ForRanges(Range("10.0.1.16/28")),
        AddressSelector.ForRanges(Range("0.0.0.0/0")),
        AddressSelector.ForRanges(Range("8.8.8.8/32"), Range("10.0.2.0/24")),
    };

    private static readonly TrafficEndpoint[] Remotes =
    {
        TrafficEndpoint.Service("Storage", "Storage"),
        TrafficEndpoint.Service("AzureLoadBalancer", "AzureLoadBalancer"),
        TrafficEndpoint.Service("Internet", "the internet"),
        TrafficEndpoint.Service("AzureCloud", "AzureCloud"),
        TrafficEndpoint.Addresses("clients", VirtualNetwork),
        TrafficEndpoint.Addresses("a DNS server", Range("8.8.8.8/32")),
        TrafficEndpoint.Addresses("mixed", Range("10.0.2.0/24"), Range("20.0.0.0/24")),
        TrafficEndpoint.Addresses("nothing"),
    };

    // Ports stay below 64 so the reference can walk every one of them.
    private static readonly Gen<PortRange> Ports = Gen.Select(Gen.Int[0, 63], Gen.Int[0, 20]).Select((first, length) =>
        new PortRange(first, Math.Min(63, first + length)));

    private static readonly Gen<NsgRule> Rules =
        from priority in Gen.Int[100, 120]
        from direction in Gen.Enum<TrafficDirection>()
        from access in Gen.Enum<RuleAccess>()
        from protocol in Gen.Enum<TrafficProtocol>()
        from source in Gen.Int[0, Selectors.Length - 1]
        from destination in Gen.Int[0, Selectors.Length - 1]
        from ports in Ports.Array[1, 3]
        select new NsgRule($"r{priority}", priority, direction, access, protocol, Selectors[source],
            Selectors[destination], ports);

    private static readonly Gen<RequiredFlow> Flows =
        from direction in Gen.Enum<TrafficDirection>()
        from protocol in Gen.Enum<TrafficProtocol>()
        from ports in Ports
        from remote in Gen.Int[0, Remotes.Length - 1]
        select new RequiredFlow(direction, protocol, ports, Remotes[remote], "test");

    [Fact]
    public void Piece_by_piece_evaluation_agrees_with_deciding_every_port()
    {
        Gen.Select(Rules.Array[0, 6], Flows).Sample((rules, flow) =>
        {
            var verdict = new NsgEvaluator(rules, new[] { VirtualNetwork }).Evaluate(flow, Local);
            var expected = FirstBlocked(rules, flow);
            if (expected is not { } blocked)
            {
                Assert.True(verdict.Allowed);
                Assert.Equal(flow.Ports, verdict.Ports);
                return;
            }
            Assert.False(verdict.Allowed);
            Assert.Same(blocked.Rule, verdict.DecidingRule);
            Assert.Equal(blocked.Protocol, verdict.Protocol);
            Assert.Equal(blocked.Port, verdict.Ports.First);
            Assert.True(verdict.Ports.Last <= flow.Ports.Last);
            for (var port = verdict.Ports.First; port <= verdict.Ports.Last; port++)
            {
                Assert.Same(blocked.Rule, Decide(rules, flow, blocked.Protocol, port));
            }
        }, iter: 5_000);
    }

    private static (NsgRule Rule, TrafficProtocol Protocol, int Port)? FirstBlocked(NsgRule[] rules, RequiredFlow flow)
    {
        var protocols = flow.Protocol == TrafficProtocol.Any ? new[] { TrafficProtocol.Tcp, TrafficProtocol.Udp }
            : new[] { flow.Protocol };
        foreach (var protocol in protocols)
        {
            for (var port = flow.Ports.First; port <= flow.Ports.Last; port++)
            {
                if (Decide(rules, flow, protocol, port) is { } deny)
                {
                    return (deny, protocol, port);
                }
            }
        }
        return null;
    }

    /// <summary>The first rule by priority that covers the port and touches both ends: a Deny blocks, an Allow covering
    /// both ends wholly allows.</summary>
    private static NsgRule? Decide(NsgRule[] rules, RequiredFlow flow, TrafficProtocol protocol, int port)
    {
        var (source, destination) = flow.Direction == TrafficDirection.Inbound ? (flow.Remote, Local) : (Local,
            flow.Remote);
        foreach (var rule in rules.Concat(NsgRule.Defaults).Where(rule => rule.Direction == flow.Direction)
            .OrderBy(rule =>
            rule.Priority))
        {
            if ((rule.Protocol != TrafficProtocol.Any && rule.Protocol != protocol) || !rule.Ports.Any(ports =>
                ports.Contains(port)))
            {
                continue;
            }
            var (sourceCovered, sourceTouched) = Coverage(rule.Source, source);
            var (destinationCovered, destinationTouched) = Coverage(rule.Destination, destination);
            if (!sourceTouched || !destinationTouched)
            {
                continue;
            }
            if (rule.Access == RuleAccess.Deny)
            {
                return rule;
            }
            if (sourceCovered && destinationCovered)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Whether a selector covers an endpoint wholly, and whether it covers any of it.</summary>
    private static (bool Wholly, bool Partly) Coverage(AddressSelector selector, TrafficEndpoint endpoint)
    {
        if (selector.IsAny)
        {
            return (true, true);
        }
        if (endpoint.ServiceTag is { } tag)
        {
            var covered = selector.Tag == tag
                || (selector.Tag == "Internet" && TrafficEndpoint.PublicServiceTags.Contains(tag))
                || (selector.Tag == "AzureCloud" && TrafficEndpoint.AzureServiceTags.Contains(tag))
                || selector.Ranges.Contains(Ipv4Range.All);
            // A tag inside the endpoint's tag (Storage inside the internet or AzureCloud) covers part of it.
            var inside = selector.Tag is { } inner
                && ((tag == "Internet" && TrafficEndpoint.PublicServiceTags.Contains(inner))
                    || (tag == "AzureCloud" && TrafficEndpoint.AzureServiceTags.Contains(inner)));
            return (covered, covered || inside);
        }
        Func<Ipv4Range, bool> wholly, partly;
        switch (selector.Tag)
        {
            case "VirtualNetwork":
                wholly = range => VirtualNetwork.Contains(range);
                partly = range => VirtualNetwork.Overlaps(range);
                break;
            case "Internet":
                wholly = partly = range => !range.First.IsPrivate && !range.Last.IsPrivate
                    && !VirtualNetwork.Overlaps(range);
                break;
            case null:
                wholly = range => selector.Ranges.Any(candidate => candidate.Contains(range));
                partly = range => selector.Ranges.Any(candidate => candidate.Overlaps(range));
                break;
            default:
                return (false, false);
        }
        if (endpoint.Ranges.Count == 0)
        {
            // An endpoint without addresses: the evaluator reads it as wholly public and inside no range.
            return selector.Tag == "Internet" ? (true, true) : (false, false);
        }
        var all = endpoint.Ranges.All(wholly);
        return (all, all || endpoint.Ranges.Any(partly));
    }

    private static Ipv4Range Range(string cidr) => Cidr.TryParse(cidr, out var parsed) ? parsed.Range
        : throw new ArgumentException(cidr);
}
