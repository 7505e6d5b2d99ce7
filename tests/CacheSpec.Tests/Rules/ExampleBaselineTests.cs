using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The examples folder is checked as one workspace, as "cachespec check examples/" does; each file's diagnostics are a
/// baseline (tests/baselines/examples/&lt;file&gt;.txt), in both profiles. The examples outside broken/ are right: no
/// errors, no warnings in their own profile but the current guidance's advice against VNet injection.
/// </summary>
public class ExampleBaselineTests
{
    private static IReadOnlyList<(string Path, string Text)> LoadExamples() =>
        Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(RepositoryPaths.Examples, path).Replace('\\', '/'),
                File.ReadAllText(path)))
            .ToArray();

    public static TheoryData<string> ExampleFiles => new(LoadExamples().Select(example => example.Path));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_diagnostics_match_their_baseline(string file)
    {
        var examples = LoadExamples();
        var own = SpecAnalyzer.Analyze(examples);
        var current = SpecAnalyzer.Analyze(examples, GuidanceProfile.Current);
        var old = SpecAnalyzer.Analyze(examples, GuidanceProfile.V2020_10);
        var text = "# the spec's own guidance\n" + Specs.Render(own.For(file)) +
            "# --guidance current\n" + Specs.Render(current.For(file)) +
            "# --guidance 2020-10\n" + Specs.Render(old.For(file));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "examples", file + ".txt"), text);
    }

    [Fact]
    public void The_right_examples_have_no_errors_or_warnings()
    {
        var result = SpecAnalyzer.Analyze(LoadExamples());
        // A VNet-injected cache judged by the current guidance is right when its only warning is that the guidance
        // prefers Private Link (vnet-injection-filtered.cachespec.yaml).
        var problems = result.Diagnostics.Where(d => !d.Path.StartsWith("broken/", StringComparison.Ordinal)
            && d.Severity <= DiagnosticSeverity.Warning && d.Code != "vnet-injection-not-recommended");
        Assert.True(!problems.Any(), Specs.Render(problems));
    }

    [Fact]
    public void The_broken_example_shows_the_classic_mistakes()
    {
        var result = SpecAnalyzer.Analyze(LoadExamples());
        var codes = result.Diagnostics.Where(d => d.Path.StartsWith("broken/", StringComparison.Ordinal)).Select(d =>
            d.Code).ToHashSet();
        foreach (var code in new[]
        {
            "vnet-injection-requires-premium", "private-endpoint-with-firewall-rules",
                "clustered-cache-multiple-private-endpoints",
            "vnet-subnet-too-small", "vnet-dependency-blocked", "unknown-key", "invalid-value", "invalid-cidr",
                "minimum-tls-version", "non-tls-port-enabled",
        })
        {
            Assert.Contains(code, codes);
        }
    }

    [Fact]
    public void Examples_cover_each_isolation_option_and_a_multi_file_workspace()
    {
        var model = SpecAnalyzer.Analyze(LoadExamples()).Model;
        var caches = model.Caches.Where(cache => !cache.Document.File.Path.StartsWith("broken/",
            StringComparison.Ordinal)).ToArray();
        Assert.Contains(caches, cache => cache.HasPrivateEndpoints);
        Assert.Contains(caches, cache => cache.VnetInjection is not null);
        Assert.Contains(caches, cache => cache.HasFirewallRules);
        Assert.Contains(caches, cache => cache.PrivateEndpoints.Any(endpoint =>
            endpoint.Subnet is { } subnet
                && model.FindSubnet(subnet.Value)?.Network.Document.File != cache.Document.File));
    }
}
