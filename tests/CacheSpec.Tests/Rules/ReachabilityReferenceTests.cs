using CacheSpec.Analysis;
using CacheSpec.Analysis.Features;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The network names format v1.1 adds (peerings, connectedTo, virtualNetworkLinks, a client's from) are references:
/// unresolved-reference reports the ones that name nothing, duplicate-name the repeated zones and clients, and the
/// editor goes to, finds, renames and completes them.
/// </summary>
public class ReachabilityReferenceTests
{
    private const string Networks = Specs.Header + """
        networks:
          - name: hub
            addressSpace: [10.40.0.0/16]
            peerings:
              - spoke
              - network: spoke
                useRemoteGateways: true
            subnets:
              - name: endpoints
                addressPrefix: 10.40.1.0/24
          - name: spoke
            addressSpace: [10.41.0.0/16]
            subnets:
              - name: app
                addressPrefix: 10.41.1.0/24
          - name: corp
            kind: onPremises
            addressSpace: [192.168.0.0/16]
            connectedTo: [hub]
        privateDnsZones:
          - name: privatelink.redis.cache.windows.net
            virtualNetworkLinks: [hub, spoke]
        """;

    private const string Caches = Specs.Header + """
        caches:
          - name: c
            tier: Premium
            size: P1
            isolation:
              publicNetworkAccess: Disabled
              privateEndpoints:
                - { name: pe, subnet: hub/endpoints }
            clients:
              - { name: app, from: spoke/app }
              - { name: office, from: corp }
              - { name: partner, from: 198.51.100.0/24 }
              - { name: one, from: 198.51.100.7 }
        """;

    private static string[] Findings(params (string Path, string Text)[] files) =>
        Specs.AnalyzeFiles(files).Diagnostics.Where(d => d.Code is "unresolved-reference" or "duplicate-name")
            .Select(d => $"{d.Path} {d.Code} {d.Message}").ToArray();

    [Fact]
    public void Names_that_name_networks_resolve_across_files_and_addresses_are_no_references()
    {
        Assert.Empty(Findings(("networks.cachespec.yaml", Networks), ("caches.cachespec.yaml", Caches)));
    }

    [Theory]
    [InlineData("      - spoke\n", "      - spokes\n")]
    [InlineData("      - network: spoke\n", "      - network: spokes\n")]
    [InlineData("connectedTo: [hub]", "connectedTo: [hubs]")]
    [InlineData("virtualNetworkLinks: [hub, spoke]", "virtualNetworkLinks: [hub, spokes]")]
    public void A_network_name_that_names_nothing_is_unresolved(string written, string misspelled)
    {
        var found = Findings(("networks.cachespec.yaml", Networks.Replace(written, misspelled)),
            ("caches.cachespec.yaml", Caches));
        var finding = Assert.Single(found);
        Assert.Contains("unresolved-reference No network is named", finding);
    }

    [Theory]
    [InlineData("from: corp", "from: corpp", "No network is named 'corpp'.")]
    [InlineData("from: spoke/app", "from: spoke/apps", "The subnet 'spoke/apps' cannot be found")]
    public void A_clients_from_that_names_nothing_is_unresolved(string written, string misspelled, string message)
    {
        var finding = Assert.Single(Findings(("networks.cachespec.yaml", Networks),
            ("caches.cachespec.yaml", Caches.Replace(written, misspelled))));
        Assert.Contains(message, finding);
    }

    [Fact]
    public void Zone_names_are_unique_in_the_workspace_and_client_names_within_their_cache()
    {
        var zone = Specs.Header + "privateDnsZones:\n  - name: privatelink.redis.cache.windows.net\n";
        var found = Findings(("networks.cachespec.yaml", Networks), ("zone.cachespec.yaml", zone),
            ("caches.cachespec.yaml", Caches.Replace("name: one", "name: partner")));
        Assert.Equal(2, found.Length);
        Assert.Contains(found, finding => finding.StartsWith("zone.cachespec.yaml duplicate-name The private DNS " +
            "zone name 'privatelink.redis.cache.windows.net' is already used at networks.cachespec.yaml:",
            StringComparison.Ordinal));
        Assert.Contains(found, finding => finding.Contains("The client name 'partner' is already used in cache 'c'",
            StringComparison.Ordinal));
    }

    [Fact]
    public void Renaming_a_network_updates_peerings_connections_zone_links_and_clients()
    {
        var files = new[] { SpecFile.Create("networks.cachespec.yaml", Networks),
            SpecFile.Create("caches.cachespec.yaml", Caches) };
        var index = new SymbolIndex(SpecAnalyzer.Analyze(files).Model);
        var spoke = Navigation.Rename(index, files[0],
            files[0].Text.Text.IndexOf("name: spoke", StringComparison.Ordinal) + 7, "branch");
        Assert.Null(spoke.Error);
        var networks = Apply(files[0], spoke.Edits);
        Assert.Contains("      - branch\n", networks);
        Assert.Contains("network: branch", networks);
        Assert.Contains("virtualNetworkLinks: [hub, branch]", networks);
        Assert.Contains("from: branch/app", Apply(files[1], spoke.Edits));
        var corp = Navigation.Rename(index, files[1],
            files[1].Text.Text.IndexOf("from: corp", StringComparison.Ordinal) + 7, "head-office");
        Assert.Null(corp.Error);
        Assert.Contains("- name: head-office", Apply(files[0], corp.Edits));
        Assert.Contains("from: head-office", Apply(files[1], corp.Edits));
        var hub = Navigation.Rename(index, files[0], files[0].Text.Text.IndexOf("[hub]", StringComparison.Ordinal) + 2,
            "core");
        Assert.Contains("connectedTo: [core]", Apply(files[0], hub.Edits));
        Assert.Contains("subnet: core/endpoints", Apply(files[1], hub.Edits));
        Assert.Empty(Findings(("networks.cachespec.yaml", Apply(files[0], hub.Edits)),
            ("caches.cachespec.yaml", Apply(files[1], hub.Edits))));
    }

    [Fact]
    public void Definition_of_a_client_network_is_its_declaration()
    {
        var files = new[] { SpecFile.Create("networks.cachespec.yaml", Networks),
            SpecFile.Create("caches.cachespec.yaml", Caches) };
        var index = new SymbolIndex(SpecAnalyzer.Analyze(files).Model);
        var target = Assert.Single(Navigation.Definition(index, files[1],
            files[1].Text.Text.IndexOf("from: corp", StringComparison.Ordinal) + 7));
        Assert.Same(files[0], target.File);
        Assert.Equal(NamedKind.Network, target.Kind);
    }

    [Theory]
    [InlineData("    peerings:\n      - |\n")]
    [InlineData("    peerings: [|]\n")]
    [InlineData("    peerings:\n      - network: |\n")]
    [InlineData("    kind: onPremises\n    connectedTo: [|]\n")]
    public void Completion_offers_the_networks_where_a_network_name_goes(string lines)
    {
        var text = Specs.Header + "networks:\n  - name: hub\n    addressSpace: [10.0.0.0/16]\n" +
            "    subnets:\n      - { name: app, addressPrefix: 10.0.1.0/24 }\n  - name: corp\n" +
            "    addressSpace: [192.168.0.0/16]\n" + lines;
        var labels = Labels(text.Replace("|", string.Empty), text.IndexOf('|', StringComparison.Ordinal));
        Assert.Contains("hub", labels);
        Assert.Contains("corp", labels);
        Assert.DoesNotContain("hub/app", labels);
        Assert.Equal(lines.EndsWith("- |\n", StringComparison.Ordinal), labels.Contains("useRemoteGateways"));
    }

    [Fact]
    public void Completion_offers_subnets_and_networks_for_a_clients_from()
    {
        var text = Networks + "\ncaches:\n  - name: c\n    tier: Premium\n    size: P1\n    isolation: {}\n" +
            "    clients:\n      - name: app\n        from: \n";
        var labels = Labels(text, text.IndexOf("from: ", StringComparison.Ordinal) + "from: ".Length);
        Assert.Contains("spoke/app", labels);
        Assert.Contains("hub/endpoints", labels);
        Assert.Contains("corp", labels);
    }

    private static string[] Labels(string text, int offset)
    {
        var workspace = new FeatureWorkspace([("a.cachespec.yaml", text)]);
        return workspace.Snapshot.Complete(workspace.File("a.cachespec.yaml"), offset, FeatureWorkspace.Guidance)
            .Select(item => item.Label).ToArray();
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
