using CacheSpec.Analysis;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Guidance;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

public class CompletionTests
{
    private static readonly GuidanceRenderer Guidance = new(GuidanceIndex.Default, "file:///docs/guidance/");

    private const string Network = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: network
        networks:
          - name: hub
            addressSpace: [10.0.0.0/16]
            subnets:
              - name: redis
                addressPrefix: 10.0.1.0/27
              - name: endpoints
                addressPrefix: 10.0.2.0/24
                networkSecurityGroup: endpoints-nsg
        networkSecurityGroups:
          - name: endpoints-nsg
        """;

    private static IReadOnlyList<CompletionCandidate> Complete(string textWithCursor)
    {
        var offset = textWithCursor.IndexOf('|');
        var text = textWithCursor.Remove(offset, 1);
        var files = new[] { SpecFile.Create("network.cachespec.yaml", Network), SpecFile.Create("app.cachespec.yaml", text) };
        var analysis = SpecAnalyzer.Analyze(files);
        return CompletionService.Complete(files[1], offset, analysis.Model, Guidance);
    }

    [Fact]
    public void Offers_the_keys_not_yet_present_with_their_documentation()
    {
        var items = Complete(Specs.Header + "caches:\n  - name: a\n    tier: Premium\n    |\n");
        var labels = items.Where(item => item.Category == CompletionCategory.Key).Select(item => item.Label).ToArray();
        Assert.Contains("isolation", labels);
        Assert.Contains("size", labels);
        Assert.DoesNotContain("name", labels);
        Assert.DoesNotContain("tier", labels);
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Documentation), $"{item.Label} has no documentation"));
        Assert.Equal("isolation:\n      $0", items.Single(item => item.Label == "isolation").InsertText);
    }

    [Fact]
    public void Sizes_follow_the_chosen_tier()
    {
        var labels = Complete(Specs.Header + "caches:\n  - name: a\n    tier: Standard\n    size: |\n").Select(item => item.Label).ToArray();
        Assert.Equal(new[] { "C0", "C1", "C2", "C3", "C4", "C5", "C6" }, labels);
    }

    [Fact]
    public void Enum_values_come_with_their_guidance()
    {
        var items = Complete(Specs.Header + "caches:\n  - name: a\n    isolation:\n      publicNetworkAccess: |\n");
        Assert.Equal(new[] { "Enabled", "Disabled" }, items.Select(item => item.Label));
        Assert.All(items, item => Assert.NotNull(item.Documentation));
    }

    [Fact]
    public void Subnet_references_come_from_the_whole_workspace()
    {
        var items = Complete(Specs.Header + "caches:\n  - name: a\n    isolation:\n      vnetInjection:\n        subnet: |\n");
        Assert.Equal(new[] { "hub/redis", "hub/endpoints" }, items.Select(item => item.Label));
        Assert.Contains("27 usable", items[0].Detail);
        Assert.All(items, item => Assert.Contains("usable addresses", item.Documentation));
    }

    [Fact]
    public void Nsg_and_cache_references_are_offered()
    {
        Assert.Equal(new[] { "endpoints-nsg" }, Complete(Network.Replace("networkSecurityGroup: endpoints-nsg", "networkSecurityGroup: |")).Select(item => item.Label).Distinct());
        var caches = Complete(Specs.Header + "caches:\n  - name: west\n    tier: Premium\n  - name: east\n    geoReplication:\n      linkedCache: |\n").Select(item => item.Label);
        Assert.Equal(new[] { "west" }, caches);
    }

    [Fact]
    public void A_new_cache_item_offers_a_snippet_per_isolation_option()
    {
        var snippets = Complete(Specs.Header + "caches:\n  - |\n").Where(item => item.Category == CompletionCategory.Snippet).ToArray();
        Assert.Equal(3, snippets.Length);
        Assert.All(snippets, snippet => Assert.True(snippet.IsSnippet));
        Assert.Contains("subnet: ${5:hub/redis}", snippets[0].InsertText);
        Assert.Contains("\n    isolation:", snippets[0].InsertText);
    }

    [Fact]
    public void An_empty_file_offers_the_root_keys_and_a_whole_spec()
    {
        var items = Complete("|");
        Assert.Contains(items, item => item.Label == "apiVersion");
        Assert.Contains(items, item => item.Category == CompletionCategory.Snippet && item.InsertText.StartsWith("apiVersion: cachespec/v1", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_that_yaml_reads_as_numbers_are_quoted()
    {
        var items = Complete(Specs.Header + "caches:\n  - name: a\n    tls:\n      minimumVersion: |\n");
        Assert.Equal(new[] { "\"1.0\"", "\"1.1\"", "\"1.2\"" }, items.Select(item => item.InsertText));
    }

    [Fact]
    public void The_replace_span_covers_the_word_being_typed()
    {
        var text = Specs.Header + "caches:\n  - name: a\n    isolation:\n      publicNetworkAccess: Dis|abled\n";
        var item = Complete(text).First();
        var offset = text.IndexOf('|');
        Assert.Equal(offset - 3, item.ReplaceSpan.Start);
        Assert.Equal(offset + 5, item.ReplaceSpan.End);
    }

    [Fact]
    public void Completion_never_throws_at_any_offset_of_the_examples()
    {
        foreach (var path in Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml", SearchOption.AllDirectories))
        {
            var file = SpecFile.Create(path, File.ReadAllText(path));
            var model = SpecAnalyzer.Analyze(new[] { file }).Model;
            for (var offset = 0; offset <= file.Text.Length; offset += 7)
            {
                var items = CompletionService.Complete(file, offset, model, Guidance);
                Assert.All(items, item => Assert.InRange(item.ReplaceSpan.End, item.ReplaceSpan.Start, file.Text.Length));
                Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Documentation), $"'{item.Label}' at {offset} of {path} has no documentation"));
            }
        }
    }
}
