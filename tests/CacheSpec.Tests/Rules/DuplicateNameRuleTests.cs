using System.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// duplicate-name in every scope it knows, each with a few names (searched pairwise) and with many (through a table),
/// and across files: each repeat is reported once, at the repeat, naming the first use.
/// </summary>
public class DuplicateNameRuleTests
{
    /// <summary>
    /// A spec with every kind of name: <paramref name="count"/> items in each scope (the routes, NSG rules and firewall
    /// rules all in the last subnet, group and cache), the last of which repeats the first when <paramref
    /// name="repeatLast"/> says so.
    /// </summary>
    private static string Spec(int count, bool repeatLast)
    {
        string Name(string kind, int index) => $"{kind}-{(repeatLast && index == count - 1 ? 0 : index)}";
        var text = new StringBuilder(Specs.Header).Append("networks:\n");
        text.Append($"  - name: {Name("net", 0)}\n    addressSpace: [10.0.0.0/8]\n    subnets:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"      - name: {Name("subnet", i)}\n        addressPrefix: 10.{i}.0.0/24\n");
        }
        text.Append("        routes:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"          - {{ name: {Name("route", i)}, addressPrefix: 10.{i}.1.0/24, nextHop: None }}\n");
        }
        text.Append("networkSecurityGroups:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"  - name: {Name("nsg", i)}\n    rules:\n");
        }
        for (var i = 0; i < count; i++)
        {
            text.Append(
                $"      - {{ name: {Name("rule", i)}, priority: {100 + i}, direction: Inbound, access: Allow, " +
                $"protocol: Tcp, source: '*', destination: '*', destinationPorts: ['6380'] }}\n");
        }
        text.Append("caches:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(
                $"  - name: {Name("cache", i)}\n    tier: Standard\n    size: C1\n    isolation:\n      " +
                $"publicNetworkAccess: Enabled\n      privateEndpoints:\n        - name: {Name("pe", i)}\n          " +
                "subnet: x/y\n");
        }
        text.Append("      firewallRules:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"        - {{ name: {Name("fw", i)}, startIp: 203.0.113.{i}, endIp: 203.0.113.{i} }}\n");
        }
        return text.ToString();
    }

    private static string[] Messages(params (string Path, string Text)[] files) =>
        Specs.AnalyzeFiles(files).Diagnostics.Where(d => d.Code == "duplicate-name").Select(d => d.Message)
            .Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void Every_scope_reports_its_repeat_once_naming_the_first_use(int count)
    {
        var text = Spec(count, repeatLast: true);
        var lines = text.Split('\n');
        int LineOf(string item) => Array.FindIndex(lines, line => line.Contains($"name: {item}",
            StringComparison.Ordinal)) + 1;
        var expected = new[]
        {
            $"The cache name 'cache-0' is already used at line {LineOf("cache-0")}.",
            $"The firewall rule name 'fw-0' is already used in cache 'cache-0' at line {LineOf("fw-0")}.",
            $"The network security group name 'nsg-0' is already used at line {LineOf("nsg-0")}.",
            $"The private endpoint name 'pe-0' is already used at line {LineOf("pe-0")}.",
            $"The route name 'route-0' is already used in subnet 'net-0/subnet-0' at line {LineOf("route-0")}.",
            "The security rule name 'rule-0' is already used in network security group 'nsg-0' at line " +
                $"{LineOf("rule-0")}.",
            $"The subnet name 'subnet-0' is already used in network 'net-0' at line {LineOf("subnet-0")}.",
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), Messages(("a.cachespec.yaml", text)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void Names_of_the_whole_workspace_repeat_across_files_names_within_a_scope_do_not(int count)
    {
        var one = Spec(count, repeatLast: false);
        var messages = Messages(("a.cachespec.yaml", one), ("b.cachespec.yaml", one));
        // Networks, NSGs, caches and endpoints are unique across the workspace: every one of the second file repeats
        // the first file's.
        Assert.Equal(count, messages.Count(message => message.StartsWith("The cache name", StringComparison.Ordinal)));
        Assert.Equal(count, messages.Count(message => message.StartsWith("The network security group name",
            StringComparison.Ordinal)));
        Assert.Equal(count, messages.Count(message => message.StartsWith("The private endpoint name",
            StringComparison.Ordinal)));
        Assert.Equal(1, messages.Count(message => message.StartsWith("The network name", StringComparison.Ordinal)));
        Assert.All(messages, message => Assert.Contains(" at a.cachespec.yaml:", message));
        // Subnets, routes, NSG rules and firewall rules are unique within their network, subnet, group or cache only.
        Assert.DoesNotContain(messages, message => message.StartsWith("The subnet name", StringComparison.Ordinal)
            || message.StartsWith("The route name", StringComparison.Ordinal)
            || message.StartsWith("The security rule name", StringComparison.Ordinal)
                || message.StartsWith("The firewall rule name", StringComparison.Ordinal));
    }
}
