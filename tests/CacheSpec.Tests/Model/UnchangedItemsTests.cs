using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Model;

/// <summary>
/// Binding an edited file moves over the networks, NSGs and caches whose syntax the edit left as it was: copies that
/// belong to the
/// new document, equal to what a fresh bind reads, while the previous model stays as it was for whoever still reads it.
/// </summary>
public class UnchangedItemsTests
{
    private const string Path = "spec.cachespec.yaml";

    /// <summary>Six caches (endpoints, injection and firewall rules in turn) after a network and an NSG.</summary>
    private static readonly string Original = Specs.ManyCaches(6).Replace("# the caches\n",
        "networkSecurityGroups:\n  - name: redis-nsg\n    rules:\n      - name: deny-web\n        priority: 100\n    " +
            "    direction: Outbound\n" +
        "        access: Deny\n        protocol: Tcp\n        source: '*'\n        destination: Internet\n        " +
            "destinationPorts: [\"80\"]\n# the caches\n");

    private static (SpecFile Before, SpecFile After, string Edited) EditCacheName(string cache)
    {
        var before = SpecFile.Create(Path, Original);
        var at = Original.IndexOf("  - name: " + cache + "\n", StringComparison.Ordinal) + "  - name: ".Length
            + cache.Length;
        var edited = Original.Insert(at, "x");
        var tree = before.Syntax.Edit(new SourceText(edited), new TextSpan(at, 0), 1);
        return (before, SpecFile.Create(Path, tree, previous: before), edited);
    }

    [Theory]
    [InlineData("cache-3", 3)]
    [InlineData("cache-5", 5)]
    [InlineData("cache-0", 0)]
    public void Items_before_the_edit_are_moved_to_the_new_document_and_the_rest_are_read_again(string cache,
        int cachesBefore)
    {
        var (before, after, _) = EditCacheName(cache);
        var (old, moved) = (before.Documents[0], after.Documents[0]);

        // A moved item shares what was read (the located values) with the previous model; an item read again has its
        // own.
        Assert.Same(old.Networks[0].Name, moved.Networks[0].Name);
        Assert.NotSame(old.Networks[0], moved.Networks[0]);
        Assert.Same(moved, moved.Networks[0].Document);
        Assert.All(moved.Networks[0].Subnets, subnet => Assert.Same(moved.Networks[0], subnet.Network));
        Assert.Same(old.NetworkSecurityGroups[0].Rules, moved.NetworkSecurityGroups[0].Rules);
        Assert.Same(moved, moved.NetworkSecurityGroups[0].Document);
        for (var i = 0; i < moved.Caches.Count; i++)
        {
            var copy = moved.Caches[i];
            Assert.Same(moved, copy.Document);
            Assert.NotSame(old.Caches[i], copy);
            Assert.Equal(i < cachesBefore, ReferenceEquals(old.Caches[i].Syntax, copy.Syntax));
            Assert.Equal(i < cachesBefore, ReferenceEquals(old.Caches[i].Name, copy.Name));
            Assert.All(copy.PrivateEndpoints, endpoint => Assert.Same(copy, endpoint.Cache));
            Assert.All(copy.FirewallRules, rule => Assert.Same(copy, rule.Cache));
            Assert.Same(copy, copy.VnetInjection?.Cache ?? copy);
        }
    }

    [Theory]
    [InlineData("cache-3")]
    [InlineData("cache-5")]
    [InlineData("cache-0")]
    public void The_model_and_the_findings_equal_a_fresh_bind_of_the_edited_text(string cache)
    {
        var (_, after, edited) = EditCacheName(cache);
        var fresh = SpecFile.Create(Path, edited);

        Assert.Equal(Describe(fresh.Documents[0]), Describe(after.Documents[0]));
        Assert.Equal(Specs.Render(SpecAnalyzer.Analyze(new[] { fresh }).Diagnostics),
            Specs.Render(SpecAnalyzer.Analyze(new[] { after }).Diagnostics));
    }

    [Fact]
    public void The_previous_model_is_left_as_it_was()
    {
        var (before, _, _) = EditCacheName("cache-5");
        var old = before.Documents[0];

        Assert.Same(old, old.Networks[0].Document);
        Assert.All(old.Networks[0].Subnets, subnet => Assert.Same(old.Networks[0], subnet.Network));
        Assert.Same(old, old.NetworkSecurityGroups[0].Document);
        Assert.All(old.Caches, cache =>
        {
            Assert.Same(old, cache.Document);
            Assert.All(cache.PrivateEndpoints, endpoint => Assert.Same(cache, endpoint.Cache));
            Assert.All(cache.FirewallRules, rule => Assert.Same(cache, rule.Cache));
        });
        Assert.Equal(Describe(SpecFile.Create(Path, Original).Documents[0]), Describe(old));
    }

    [Fact]
    public void A_file_parsed_afresh_shares_no_node_with_the_previous_one_and_is_read_again_in_full()
    {
        var before = SpecFile.Create(Path, Original);
        var after = SpecFile.Create(Path, SyntaxTree.Parse(new SourceText(Original)), previous: before);

        Assert.All(after.Documents[0].Caches.Zip(before.Documents[0].Caches), pair => Assert.NotSame(pair.Second.Syntax,
            pair.First.Syntax));
        Assert.Equal(Describe(before.Documents[0]), Describe(after.Documents[0]));
    }

    /// <summary>Everything the binder reads, with spans, one line per model object (its parts indented below
    /// it).</summary>
    private static string Describe(SpecDocument document)
    {
        static string L<T>(Located<T>? located) => located is null ? "-" : $"{located.Value}@{located.Node.Span.Start}";
        static string Ls<T>(IEnumerable<Located<T>> items) => string.Join(",", items.Select(L));
        static IEnumerable<string> Entry(string line, IEnumerable<string> parts) => parts.Select(part => "  " + part)
            .Prepend(line);
        var networks = document.Networks.SelectMany(network => Entry(
            $"network {L(network.Name)} {network.Syntax.Span.Start} space {Ls(network.AddressSpaceText)} dns " +
                $"{Ls(network.DnsServers)}",
            network.Subnets.Select(subnet =>
                $"subnet {subnet.QualifiedName} {L(subnet.AddressPrefix)} nsg {L(subnet.NetworkSecurityGroup)} " +
                    $"routes {subnet.Routes.Count}")));
        var nsgs = document.NetworkSecurityGroups.SelectMany(nsg => Entry(
            $"nsg {L(nsg.Name)} {nsg.Syntax.Span.Start}",
            nsg.Rules.Select(rule =>
                $"rule {L(rule.Name)} {L(rule.Priority)} {L(rule.Direction)} {L(rule.Access)} {L(rule.Protocol)} " +
                $"{L(rule.Source)} {L(rule.Destination)} {Ls(rule.DestinationPorts)}")));
        var caches = document.Caches.SelectMany(cache => Entry(
            $"cache {L(cache.Name)} {cache.Syntax.Span} {L(cache.Tier)} {L(cache.Size)} {L(cache.Region)} " +
                $"{L(cache.PublicNetworkAccess)} {cache.Profile}",
            cache.PrivateEndpoints.Select(endpoint =>
                $"endpoint {L(endpoint.Name)} {L(endpoint.Subnet)} of {endpoint.Cache.DisplayName}")
                .Concat(cache.FirewallRules.Select(rule =>
                    $"firewall {L(rule.Name)} {L(rule.StartIpText)} {L(rule.EndIpText)} of {rule.Cache.DisplayName}"))
                .Concat(cache.VnetInjection is { } injection
                    ? new[] { $"injection {L(injection.Subnet)} {injection.Key.Span.Start} of " +
                        $"{injection.Cache.DisplayName}" }
                    : Array.Empty<string>())));
        return string.Join('\n', networks.Concat(nsgs).Concat(caches)) + "\n";
    }
}
