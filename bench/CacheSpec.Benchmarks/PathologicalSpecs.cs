using System.Text;

namespace CacheSpec.Benchmarks;

/// <summary>
/// The shapes of spec that make a careless analysis quadratic, each grown by a count: the complexity tests double the
/// count and compare the work done, the benchmark's <c>generate --shape pathological</c> writes them all into one file.
/// Every shape is a whole spec document starting at <c>apiVersion</c>.
/// </summary>
public static class PathologicalSpecs
{
    private const string Header = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: shape\n";

    /// <summary>The shapes by name, in the order the combined file writes them.</summary>
    public static IReadOnlyList<(string Name, Func<int, string> Generate)> Shapes { get; } =
    [
        ("unknown-keys", UnknownKeys),
        ("broken-references", BrokenReferences),
        ("shared-prefix-names", SharedPrefixNames),
        ("many-documents", ManyDocuments),
        ("long-lines", LongLines),
        ("deep-flow", DeepFlow),
        ("caches-on-one-subnet", CachesOnOneSubnet),
        ("nsg-rules", NsgRules),
    ];

    /// <summary>One cache with <paramref name="count"/> keys the format does not know.</summary>
    public static string UnknownKeys(int count)
    {
        var text = new StringBuilder(Header).Append("caches:\n  - name: wide\n    tier: Basic\n    size: C0\n")
            .Append("    isolation: {publicNetworkAccess: Disabled}\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("    unknownKey").Append(i).Append(": 1\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// A network of <paramref name="count"/> subnets and as many caches whose private endpoint names a subnet that is
    /// not there (each misspelled differently), so every reference looks for its closest name among all of them.
    /// </summary>
    public static string BrokenReferences(int count)
    {
        var text = new StringBuilder(Header);
        AppendNetwork(text, "hub", count);
        text.Append("caches:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - name: cache-").Append(i).Append("\n    tier: Standard\n    size: C1\n    isolation:\n")
                .Append("      publicNetworkAccess: Disabled\n      privateEndpoints:\n        - name: pe\n")
                .Append("          subnet: hub/subnet-x").Append(i).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="count"/> caches, NSGs and networks whose names share one long prefix, half of them declared
    /// twice, so name lookups and duplicate checks meet near-identical keys.
    /// </summary>
    public static string SharedPrefixNames(int count)
    {
        var prefix = new string('p', 60);
        var text = new StringBuilder(Header).Append("networkSecurityGroups:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - name: ").Append(prefix).Append(i / 2).Append("\n    rules: []\n");
        }
        text.Append("caches:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - {name: ").Append(prefix).Append(i / 2)
                .Append(", tier: Basic, size: C0, isolation: {publicNetworkAccess: Disabled}}\n");
        }
        return text.ToString();
    }

    /// <summary><paramref name="count"/> documents in one file, each with a cache and a misspelled key.</summary>
    public static string ManyDocuments(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : "---\n").Append(Header).Append("caches:\n  - name: doc-")
                .Append(i).Append("\n    tier: Basic\n    size: C0\n")
                .Append("    isolation: {publicNetworkAccess: Disabled}\n    tire: 1\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// One cache whose firewall rules sit in one flow list on a single line of about 60 × <paramref name="count"/>
    /// characters.
    /// </summary>
    public static string LongLines(int count)
    {
        var text = new StringBuilder(Header).Append("caches:\n  - name: long\n    tier: Basic\n    size: C0\n")
            .Append("    isolation:\n      publicNetworkAccess: Enabled\n      firewallRules: [");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append("{name: rule-").Append(i)
                .Append(", startIp: 203.0.113.").Append(i % 250).Append(", endIp: 203.0.113.").Append(i % 250)
                .Append('}');
        }
        return text.Append("]\n").ToString();
    }

    /// <summary>
    /// <paramref name="count"/> unknown keys, each holding flow lists nested 60 deep (within the nesting limit).
    /// </summary>
    public static string DeepFlow(int count)
    {
        var text = new StringBuilder(Header).Append("caches: []\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("deep").Append(i).Append(": ").Append('[', 60).Append(i).Append(']', 60).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One subnet with <paramref name="count"/> Premium caches injected into it.</summary>
    public static string CachesOnOneSubnet(int count)
    {
        var text = new StringBuilder(Header);
        AppendNetwork(text, "core", 1);
        text.Append("caches:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("  - name: injected-").Append(i).Append("\n    tier: Premium\n    size: P1\n")
                .Append("    isolation:\n      publicNetworkAccess: Disabled\n")
                .Append("      vnetInjection: {subnet: core/subnet-0}\n");
        }
        return text.ToString();
    }

    /// <summary>One NSG with <paramref name="count"/> rules, on a subnet a cache is injected into.</summary>
    public static string NsgRules(int count)
    {
        var text = new StringBuilder(Header).Append("networks:\n  - name: core\n    addressSpace: [10.0.0.0/8]\n")
            .Append("    subnets:\n      - name: redis\n        addressPrefix: 10.0.0.0/24\n")
            .Append("        networkSecurityGroup: big-nsg\n")
            .Append("networkSecurityGroups:\n  - name: big-nsg\n    rules:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("      - {name: rule-").Append(i).Append(", priority: ").Append(100 + (i % 4000))
                .Append(", direction: ").Append(i % 2 == 0 ? "Inbound" : "Outbound")
                .Append(", access: ").Append(i % 3 == 0 ? "Deny" : "Allow")
                .Append(", protocol: Tcp, source: 10.").Append(i / 256 % 256).Append('.').Append(i % 256)
                .Append(".0/24, destination: '*', destinationPorts: [\"").Append(1000 + i % 60000).Append("\"]}\n");
        }
        text.Append("caches:\n  - name: guarded\n    tier: Premium\n    size: P1\n    isolation:\n")
            .Append("      publicNetworkAccess: Disabled\n      vnetInjection: {subnet: core/redis}\n");
        return text.ToString();
    }

    /// <summary>
    /// Every shape, grown by one count, as documents of one file of at least <paramref name="length"/> characters.
    /// </summary>
    public static string Combined(int length)
    {
        var count = 16;
        while (true)
        {
            var text = string.Join("---\n", Shapes.Select(shape => shape.Generate(count)));
            if (text.Length >= length)
            {
                return text;
            }
            count = Math.Max(count + 1, (int)(count * Math.Min(2.0, (double)length / text.Length)));
        }
    }

    /// <summary>A network named <paramref name="name"/> with <paramref name="subnets"/> /28 subnets.</summary>
    private static void AppendNetwork(StringBuilder text, string name, int subnets)
    {
        text.Append("networks:\n  - name: ").Append(name).Append("\n    addressSpace: [10.0.0.0/8]\n    subnets:\n");
        for (var i = 0; i < subnets; i++)
        {
            text.Append("      - {name: subnet-").Append(i).Append(", addressPrefix: 10.").Append(i / 4096 % 256)
                .Append('.').Append(i / 16 % 256).Append('.').Append(i % 16 * 16).Append("/28}\n");
        }
    }
}
