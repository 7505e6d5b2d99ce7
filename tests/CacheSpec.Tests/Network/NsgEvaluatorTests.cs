using CacheSpec.Analysis.Network;

namespace CacheSpec.Tests.Network;

public class NsgEvaluatorTests
{
    private static readonly Ipv4Range VirtualNetwork = Range("10.0.0.0/16");
    private static readonly Ipv4Range RedisSubnet = Range("10.0.1.0/27");
    private static readonly TrafficEndpoint Local = TrafficEndpoint.Addresses("the Redis subnet", RedisSubnet);

    private static Ipv4Range Range(string cidr) => Cidr.TryParse(cidr, out var parsed) ? parsed.Range
        : throw new ArgumentException(cidr);

    private static NsgRule Rule(int priority, TrafficDirection direction, RuleAccess access, AddressSelector source,
        AddressSelector destination, params PortRange[] ports) =>
        new($"rule-{priority}", priority, direction, access, TrafficProtocol.Tcp, source, destination, ports.Length == 0
            ? new[] { PortRange.Any } : ports);

    private static FlowVerdict Outbound443ToStorage(params NsgRule[] rules) =>
        new NsgEvaluator(rules, new[] { VirtualNetwork })
            .Evaluate(VnetRequirements.Outbound(Array.Empty<Ipv4Address>())[0], Local);

    [Fact]
    public void Default_rules_allow_every_dependency()
    {
        var evaluator = new NsgEvaluator(Array.Empty<NsgRule>(), new[] { VirtualNetwork });
        foreach (var flow in VnetRequirements.Outbound(Array.Empty<Ipv4Address>())
            .Concat(VnetRequirements.Inbound(RedisSubnet, new[] { VirtualNetwork })))
        {
            Assert.True(evaluator.Evaluate(flow, Local).Allowed, flow.Purpose);
        }
    }

    [Fact]
    public void A_deny_to_internet_blocks_storage()
    {
        var verdict = Outbound443ToStorage(Rule(200, TrafficDirection.Outbound, RuleAccess.Deny, AddressSelector.Any,
            AddressSelector.ForTag("Internet")));
        Assert.False(verdict.Allowed);
        Assert.Equal(200, verdict.DecidingRule!.Priority);
    }

    [Fact]
    public void A_higher_priority_allow_for_the_service_tag_wins_over_a_broad_deny()
    {
        var verdict = Outbound443ToStorage(
            Rule(100, TrafficDirection.Outbound, RuleAccess.Allow, AddressSelector.Any,
                AddressSelector.ForTag("Storage"), PortRange.Single(443)),
            Rule(200, TrafficDirection.Outbound, RuleAccess.Deny, AddressSelector.Any, AddressSelector.Any));
        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void A_deny_for_another_service_tag_does_not_block_storage()
    {
        var verdict = Outbound443ToStorage(Rule(100, TrafficDirection.Outbound, RuleAccess.Deny, AddressSelector.Any,
            AddressSelector.ForTag("AzureKeyVault")));
        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void A_deny_on_other_ports_does_not_block()
    {
        var verdict = Outbound443ToStorage(Rule(100, TrafficDirection.Outbound, RuleAccess.Deny, AddressSelector.Any,
            AddressSelector.Any, new PortRange(1, 442)));
        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void A_deny_on_part_of_a_port_range_blocks_that_part()
    {
        var evaluator = new NsgEvaluator(
            new[] { Rule(100, TrafficDirection.Inbound, RuleAccess.Deny, AddressSelector.Any, AddressSelector.Any,
                new PortRange(13500, 13600)) },
            new[] { VirtualNetwork });
        var flow = VnetRequirements.Inbound(RedisSubnet, new[] { VirtualNetwork }).First(f => f.Ports.First == 13000);
        var verdict = evaluator.Evaluate(flow, Local);
        Assert.False(verdict.Allowed);
        Assert.Equal(new PortRange(13500, 13600), verdict.Ports);
    }

    [Fact]
    public void A_deny_from_one_client_subnet_partly_covers_the_virtual_network()
    {
        var evaluator = new NsgEvaluator(Array.Empty<NsgRule>(), new[] { VirtualNetwork });
        Assert.Equal(SelectorMatch.Partial, evaluator.Match(AddressSelector.ForRanges(Range("10.0.5.0/24")),
            TrafficEndpoint.Addresses("clients", VirtualNetwork)));
        Assert.Equal(SelectorMatch.Full, evaluator.Match(AddressSelector.ForTag("VirtualNetwork"),
            TrafficEndpoint.Addresses("subnet", RedisSubnet)));
        Assert.Equal(SelectorMatch.None, evaluator.Match(AddressSelector.ForTag("Internet"),
            TrafficEndpoint.Addresses("subnet", RedisSubnet)));
    }

    [Fact]
    public void Udp_rules_do_not_decide_tcp_flows()
    {
        var udpDeny = new NsgRule("udp", 100, TrafficDirection.Outbound, RuleAccess.Deny, TrafficProtocol.Udp,
            AddressSelector.Any, AddressSelector.Any, new[] { PortRange.Any });
        Assert.True(Outbound443ToStorage(udpDeny).Allowed);
    }

    [Fact]
    public void Dns_needs_both_protocols_to_custom_servers()
    {
        Assert.True(Ipv4Address.TryParse("10.0.0.4", out var dnsServer));
        var dns = VnetRequirements.Outbound(new[] { dnsServer }).Single(flow => flow.Purpose == "DNS");
        var udpDeny = new NsgRule("no-udp", 100, TrafficDirection.Outbound, RuleAccess.Deny, TrafficProtocol.Udp,
            AddressSelector.Any, AddressSelector.ForRanges(Range("10.0.0.0/24")), new[] { PortRange.Single(53) });
        var verdict = new NsgEvaluator(new[] { udpDeny }, new[] { VirtualNetwork }).Evaluate(dns, Local);
        Assert.False(verdict.Allowed);
        Assert.Equal(TrafficProtocol.Udp, verdict.Protocol);
    }
}
