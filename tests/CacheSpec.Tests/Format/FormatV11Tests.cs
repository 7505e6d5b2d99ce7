using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>
/// The format validator on the kinds of value format v1.1 adds: a list item written short (a scalar) or long (a
/// mapping), an object with two forms (a firewall rule's range or source), client and firewall sources, dates.
/// </summary>
public class FormatV11Tests
{
    private static string[] Issues(string body)
    {
        var tree = SyntaxTree.Parse(new SourceText(Specs.Header + body));
        return FormatValidator.Validate(tree.Documents[0]).Select(issue => $"{issue.RuleId}: {issue.Message}")
            .ToArray();
    }

    private static string Network(string lines) =>
        "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n" + lines;

    private static string FirewallRule(string keys) =>
        "caches:\n  - name: amr\n    tier: Balanced\n    size: B5\n    isolation:\n      firewallRules:\n" +
        "        - { name: office" + keys + " }\n";

    [Fact]
    public void A_peering_is_a_network_name_or_a_mapping_with_network()
    {
        Assert.Empty(Issues(Network("    peerings:\n      - spoke\n      - network: other\n" +
            "        useRemoteGateways: true\n")));
    }

    [Fact]
    public void A_peering_mapping_is_checked_as_an_object()
    {
        Assert.Equal(
            [
                "unknown-key: Unknown key 'netwrok': a peering has no such key. Did you mean 'network'?",
                "missing-required: The peering has no 'network', which is required.",
            ],
            Issues(Network("    peerings:\n      - netwrok: spoke\n")));
    }

    [Fact]
    public void A_peering_that_is_neither_a_name_nor_a_mapping_is_an_invalid_value()
    {
        Assert.Equal(["invalid-value: 'peerings' must be the name of a network or a peering mapping; found a list."],
            Issues(Network("    peerings:\n      - [spoke]\n")));
        Assert.Equal(
            ["invalid-value: 'bad name!' is not the name of a network."],
            Issues(Network("    peerings: ['bad name!']\n")));
    }

    [Theory]
    [InlineData(", startIp: 203.0.113.1, endIp: 203.0.113.9")]
    [InlineData(", source: 203.0.113.0/24")]
    [InlineData(", source: 203.0.113.7")]
    [InlineData(", source: AzureCloud")]
    public void A_firewall_rule_has_a_range_or_a_source(string keys)
    {
        Assert.Empty(Issues(FirewallRule(keys)));
    }

    [Fact]
    public void A_firewall_rule_with_both_forms_is_an_invalid_value()
    {
        Assert.Equal(
            ["invalid-value: A firewallRule has either 'startIp' and 'endIp' or 'source', not both."],
            Issues(FirewallRule(", startIp: 203.0.113.1, endIp: 203.0.113.9, source: 203.0.113.0/24")));
    }

    [Fact]
    public void A_firewall_rule_with_neither_form_or_half_a_range_lacks_keys()
    {
        Assert.Equal(
            ["missing-required: The firewallRule has neither 'startIp' and 'endIp' nor 'source'; it needs one of " +
                "these forms."],
            Issues(FirewallRule(string.Empty)));
        Assert.Equal(
            ["missing-required: The firewallRule has no 'endIp', which is required with 'startIp'."],
            Issues(FirewallRule(", startIp: 203.0.113.1")));
    }

    [Fact]
    public void A_firewall_source_is_an_address_a_cidr_or_a_service_tag()
    {
        Assert.Equal(
            ["invalid-value: 'AzureClod' is not a valid source: use an IPv4 address, a CIDR or a service tag. " +
                "Did you mean 'AzureCloud'?"],
            Issues(FirewallRule(", source: AzureClod")));
    }

    [Theory]
    [InlineData("spoke/app", 0)]
    [InlineData("corp", 0)]
    [InlineData("198.51.100.0/24", 0)]
    [InlineData("198.51.100.7", 0)]
    [InlineData("198.51.100.7/24", 1)]
    [InlineData("not a name", 1)]
    public void A_client_comes_from_a_subnet_a_network_or_an_address(string from, int issues)
    {
        Assert.Equal(issues, Issues("caches:\n  - name: c\n    tier: Premium\n    size: P1\n    isolation: {}\n" +
            $"    clients:\n      - name: app\n        from: \"{from}\"\n").Length);
    }

    [Theory]
    [InlineData("2029-12-31", 0)]
    [InlineData("2029-02-30", 1)]
    [InlineData("31.12.2029", 1)]
    public void Supported_until_is_a_calendar_date(string date, int issues)
    {
        Assert.Equal(issues, Issues("caches:\n  - name: c\n    tier: Premium\n    size: P1\n    isolation: {}\n" +
            $"    requirements:\n      supportedUntil: {date}\n").Length);
    }

    [Fact]
    public void The_union_and_the_forms_are_part_of_the_format()
    {
        var peerings = (ListType)SpecFormat.VirtualNetwork.Find("peerings")!.Type;
        Assert.Same(SpecFormat.Peering, ((UnionType)peerings.Item).Object);
        Assert.Contains(SpecFormat.Peering, SpecFormat.AllObjects);
        Assert.Equal([["startIp", "endIp"], ["source"]], SpecFormat.FirewallRule.Forms);
    }
}
