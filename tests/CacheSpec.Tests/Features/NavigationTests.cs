using CacheSpec.Analysis;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Features;

/// <summary>Definition, references, highlight and rename across a two-file workspace: the shared hub network and its
/// caches.</summary>
public class NavigationTests
{
    private const string Caches = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        metadata:
          name: caches
        caches:
          - name: west
            tier: Premium
            size: P1
            isolation:
              vnetInjection:
                subnet: hub/redis
          - name: east
            tier: Premium
            size: P1
            geoReplication:
              linkedCache: west
              role: secondary
            isolation:
              publicNetworkAccess: Disabled
              privateEndpoints:
                - name: pe-east
                  subnet: "hub/endpoints"
        """;

    private static (SymbolIndex Index, SpecFile Network, SpecFile Caches) Workspace()
    {
        var files = new[] { SpecFile.Create(HubNetwork.Path, HubNetwork.Text), SpecFile.Create("caches.cachespec.yaml",
            Caches) };
        return (new SymbolIndex(SpecAnalyzer.Analyze(files).Model), files[0], files[1]);
    }

    private static int Offset(SpecFile file, string text, int into = 1) => file.Text.Text.IndexOf(text,
        StringComparison.Ordinal) + into;

    [Fact]
    public void Definition_of_a_subnet_reference_is_in_the_other_file()
    {
        var (index, network, caches) = Workspace();
        var target = Assert.Single(Navigation.Definition(index, caches, Offset(caches, "hub/endpoints", 6)));
        Assert.Same(network, target.File);
        Assert.Equal("endpoints", network.Text.GetText(target.Span));
        var hub = Assert.Single(Navigation.Definition(index, caches, Offset(caches, "hub/redis", 1)));
        Assert.Equal(NamedKind.Network, hub.Kind);
    }

    [Fact]
    public void References_cover_every_file_and_the_nsg_rules()
    {
        var (index, network, _) = Workspace();
        var references = Navigation.References(index, network, Offset(network, "name: endpoints", 8),
            includeDeclaration: true);
        Assert.Equal(3, references.Count);
        Assert.Contains(references, reference => reference.IsDeclaration);
        var nsg = Navigation.References(index, network, Offset(network, "name: redis-nsg", 8),
            includeDeclaration: false);
        Assert.Equal("redis-nsg", network.Text.GetText(Assert.Single(nsg).Span));
    }

    [Fact]
    public void Renaming_a_network_edits_the_first_part_of_every_subnet_reference()
    {
        var (index, network, caches) = Workspace();
        var result = Navigation.Rename(index, network, Offset(network, "name: hub", 7), "core");
        Assert.Null(result.Error);
        Assert.Equal("core", Apply(network, result.Edits).Split('\n')[5].Trim()[("- name: ".Length)..]);
        var renamed = Apply(caches, result.Edits);
        Assert.Contains("subnet: core/redis", renamed);
        Assert.Contains("subnet: \"core/endpoints\"", renamed);
        Assert.Contains("source: core/endpoints", Apply(network, result.Edits));
        var after = SpecAnalyzer.Analyze(new[] { ("network.cachespec.yaml", Apply(network, result.Edits)),
            ("caches.cachespec.yaml", renamed) });
        Assert.DoesNotContain("unresolved-reference", after.Codes());
    }

    [Fact]
    public void Renaming_a_subnet_edits_the_second_part()
    {
        var (index, network, caches) = Workspace();
        var result = Navigation.Rename(index, caches, Offset(caches, "hub/redis", 5), "cache-subnet");
        Assert.Null(result.Error);
        Assert.Contains("subnet: hub/cache-subnet", Apply(caches, result.Edits));
        Assert.Contains("- name: cache-subnet", Apply(network, result.Edits));
    }

    [Theory]
    [InlineData("endpoints", "already taken")]
    [InlineData("bad name", "not a valid name")]
    [InlineData("", "not a valid name")]
    public void Rename_refuses_taken_and_invalid_names(string newName, string reason)
    {
        var (index, network, _) = Workspace();
        var result = Navigation.Rename(index, network, Offset(network, "name: redis", 8), newName);
        Assert.Contains(reason, result.Error);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Highlights_stay_in_the_file_and_nothing_else_is_renameable()
    {
        var (index, network, caches) = Workspace();
        Assert.Equal(2, Navigation.Highlights(index, network, Offset(network, "name: endpoints", 8)).Count);
        Assert.Null(Navigation.PrepareRename(index, caches, Offset(caches, "tier: Premium", 7)));
        Assert.Contains(index.DeclarationsMatching("EA"), occurrence => occurrence.Name == "east");
        Assert.Equal(2, Navigation.References(index, caches, Offset(caches, "linkedCache: west", 14),
            includeDeclaration: true).Count);
    }

    private static string Apply(SpecFile file, IEnumerable<RenameEdit> edits)
    {
        var text = file.Text.Text;
        foreach (var edit in edits.Where(edit => edit.File == file).OrderByDescending(edit => edit.Span.Start))
        {
            text = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        }
        return text;
    }
}
