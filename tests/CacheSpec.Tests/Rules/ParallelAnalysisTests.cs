using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// A large document is bound on two cores and its rules run on every core; the result must be exactly the one-core
/// result: the same caches in the same order, the same format issues, the same findings in the same order. Forced both
/// ways on every example and on generated specs with mistakes, whatever their size.
/// </summary>
public class ParallelAnalysisTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Examples, path));
        }
        data.Add("generated: 700 caches with mistakes");
        data.Add("generated: two documents");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_and_checking_on_every_core_gives_the_one_core_result(string name)
    {
        var text = TextOf(name);
        var oneCoreHost = new AnalysisHost(new AnalysisOptions { ParallelThreshold = int.MaxValue });
        var everyCoreHost = new AnalysisHost(new AnalysisOptions { ParallelThreshold = 0 });
        var tree = SyntaxTree.Parse(new SourceText(text));
        var oneCore = oneCoreHost.File("spec.cachespec.yaml", tree);
        var everyCore = everyCoreHost.File("spec.cachespec.yaml", tree);

        Assert.Equal(Describe(oneCore), Describe(everyCore));
        var sequential = oneCoreHost.Analyze(new[] { oneCore });
        var parallel = everyCoreHost.Analyze(new[] { everyCore });
        // The generated specs carry mistakes on purpose: their findings must be there, not just equal.
        Assert.True(!name.StartsWith("generated", StringComparison.Ordinal) || sequential.Diagnostics.Count >= 6,
            Support.Specs.Render(sequential.Diagnostics));
        Assert.Equal(Support.Specs.Render(sequential.Diagnostics), Support.Specs.Render(parallel.Diagnostics));
    }

    private static string TextOf(string name) => name switch
    {
        "generated: 700 caches with mistakes" => WithMistakes(Support.Specs.ManyCaches(700)),
        "generated: two documents" => WithMistakes(Support.Specs.ManyCaches(30)) + "---\n"
            + Support.Specs.ManyCaches(31),
        _ => File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name)),
    };

    /// <summary>A repeated name, an unknown key, a missing subnet and VNet injection on Standard, in both halves of the
    /// cache list.</summary>
    private static string WithMistakes(string text) => text
        .Replace("name: cache-4\n", "name: cache-3\n", StringComparison.Ordinal)
        .Replace("name: cache-13\n    region: westeurope\n", "name: cache-13\n    regoin: westeurope\n",
            StringComparison.Ordinal)
        .Replace("name: pe-21\n          subnet: hub/endpoints", "name: pe-21\n          subnet: hub/missing",
            StringComparison.Ordinal)
        .Replace("name: cache-25\n    region: westeurope\n    tier: Premium",
            "name: cache-25\n    region: westeurope\n    tier: Standard", StringComparison.Ordinal)
        .Replace("name: cache-601\n", "name: cache-600\n", StringComparison.Ordinal)
        .Replace("name: cache-622\n    region: westeurope\n    tier: Premium",
            "name: cache-622\n    region: westeurope\n    tier: Basic", StringComparison.Ordinal);

    /// <summary>Every document's caches (name, span, endpoints, firewall rules, injection) and format issues, one line
    /// each.</summary>
    private static string[] Describe(SpecFile file) => file.Documents.SelectMany(document =>
            document.Caches.Select(cache =>
                    $"cache {cache.Name?.Value} {cache.Syntax.Span} {cache.Tier?.Value} "
                    + $"endpoints {cache.PrivateEndpoints.Count} "
                    + $"firewall {cache.FirewallRules.Count} vnet {cache.VnetInjection?.Subnet?.Value} doc " +
                        $"{ReferenceEquals(cache.Document, document)}")
                .Concat(document.FormatIssues.Select(issue => $"format {issue}")))
        .ToArray();
}
