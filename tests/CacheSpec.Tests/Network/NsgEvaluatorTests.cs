using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Tests.Network;

public class NsgEvaluatorTests
{
    private static readonly Ipv4Range VirtualNetwork = Range("10.0.0.0/16");
    private static readonly Ipv4Range RedisSubnet = Range("10.0.1.0/27");
    private static readonly TrafficEndpoint Local = TrafficEndpoint.Addresses("the Redis subnet", RedisSubnet);

    private static Ipv4Range Range(string cidr) => Prefix(cidr).Range;

    private static Cidr Prefix(string cidr) => Cidr.TryParse(cidr, out var parsed) ? parsed
        : throw new ArgumentException(cidr);

    /// <summary>The flows of a profile's table for a /27 Redis subnet beside one app subnet of a /16 network.</summary>
    private static IReadOnlyList<RequiredFlow> Flows(TrafficDirection direction, string profile = "2020-10",
        params Ipv4Address[] dnsServers) =>
        VnetRequirements.Flows(AzureFacts.Catalog.NsgTable(profile), direction, new VnetRequirements.FarEnds(
            new NamedRange("net/redis", Prefix("10.0.1.0/27")), "net", [Prefix("10.0.0.0/16")],
            [new NamedRange("net/apps", Prefix("10.0.8.0/22"))], dnsServers, []));

    private static NsgRule Rule(int priority, TrafficDirection direction, RuleAccess access, AddressSelector source,
        AddressSelector destination, params PortRange[] ports) =>
        new($"rule-{priority}", priority, direction, access, TrafficProtocol.Tcp, source, destination, ports.Length == 0
            ? new[] { PortRange.Any } : ports);

    private static FlowVerdict Outbound443ToStorage(params NsgRule[] rules) =>
        new NsgEvaluator(rules, new[] { VirtualNetwork })
            .Evaluate(Flows(TrafficDirection.Outbound).First(flow => flow.Remote.ServiceTag == "Storage"), Local);

    [Fact]
    public void Default_rules_allow_every_dependency()
    {
        var evaluator = new NsgEvaluator(Array.Empty<NsgRule>(), new[] { VirtualNetwork });
        foreach (var flow in new[] { "2020-10", "current" }.SelectMany(profile =>
            Flows(TrafficDirection.Outbound, profile).Concat(Flows(TrafficDirection.Inbound, profile))))
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
        var flow = Flows(TrafficDirection.Inbound).First(f => f.Ports.First == 13000);
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
        var dns = Flows(TrafficDirection.Outbound, "2020-10", dnsServer)
            .Single(flow => flow.Row!.Remote == "dnsServers");
        var udpDeny = new NsgRule("no-udp", 100, TrafficDirection.Outbound, RuleAccess.Deny, TrafficProtocol.Udp,
            AddressSelector.Any, AddressSelector.ForRanges(Range("10.0.0.0/24")), new[] { PortRange.Single(53) });
        var verdict = new NsgEvaluator(new[] { udpDeny }, new[] { VirtualNetwork }).Evaluate(dns, Local);
        Assert.False(verdict.Allowed);
        Assert.Equal(TrafficProtocol.Udp, verdict.Protocol);
    }

    [Fact]
    public void A_narrower_tag_covers_part_of_a_broader_one_and_a_broader_tag_all_of_a_narrower_one()
    {
        var evaluator = new NsgEvaluator(Array.Empty<NsgRule>(), new[] { VirtualNetwork });
        var internet = TrafficEndpoint.Service("Internet", "*");
        var azureCloud = TrafficEndpoint.Service("AzureCloud", "AzureCloud");
        Assert.Equal(SelectorMatch.Partial, evaluator.Match(AddressSelector.ForTag("Storage"), internet));
        Assert.Equal(SelectorMatch.Partial, evaluator.Match(AddressSelector.ForTag("EventHub"), azureCloud));
        Assert.Equal(SelectorMatch.Partial, evaluator.Match(AddressSelector.ForTag("AzureCloud"), internet));
        Assert.Equal(SelectorMatch.Full, evaluator.Match(AddressSelector.ForTag("Internet"), azureCloud));
        Assert.Equal(SelectorMatch.None, evaluator.Match(AddressSelector.ForTag("Storage"),
            TrafficEndpoint.Service("AzureKeyVault", "AzureKeyVault")));
        Assert.Equal(SelectorMatch.None, evaluator.Match(AddressSelector.ForRanges(Range("20.0.0.0/8")), internet));
    }

    [Fact]
    public void A_flow_any_of_whose_ends_will_do_is_blocked_only_when_every_end_is()
    {
        var apps = TrafficEndpoint.Addresses("apps", Range("10.0.8.0/22"));
        var jobs = TrafficEndpoint.Addresses("jobs", Range("10.0.12.0/22"));
        var flow = new RequiredFlow(TrafficDirection.Inbound, TrafficProtocol.Tcp, PortRange.Single(6380),
            TrafficEndpoint.Addresses("clients", Range("10.0.8.0/22"), Range("10.0.12.0/22")) with
            {
                AnyOf = [apps, jobs],
            }, "clients");
        var denyApps = Rule(100, TrafficDirection.Inbound, RuleAccess.Deny,
            AddressSelector.ForRanges(Range("10.0.8.0/22")), AddressSelector.Any);
        var denyAll = Rule(200, TrafficDirection.Inbound, RuleAccess.Deny, AddressSelector.Any, AddressSelector.Any);
        Assert.True(new NsgEvaluator(new[] { denyApps }, new[] { VirtualNetwork }).Evaluate(flow, Local).Allowed);
        var verdict = new NsgEvaluator(new[] { denyApps, denyAll }, new[] { VirtualNetwork }).Evaluate(flow, Local);
        Assert.False(verdict.Allowed);
        Assert.Equal(100, verdict.DecidingRule!.Priority);
    }
}
