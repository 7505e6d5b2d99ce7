using CacheSpec.Analysis;
using CacheSpec.Analysis.Configuration;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Benchmarks;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Model;

/// <summary>
/// <see cref="AnalysisHost.SetTexts"/> (a workspace loaded from disk, parsed and bound on every core) gives the
/// snapshot that <see cref="AnalysisHost.SetText"/> gives file by file: the same keys, files, documents, configurations
/// and findings, on one core or on all of them, run after run.
/// </summary>
public class SetTextsTests
{
    private static readonly RuleConfiguration Relaxed =
        RuleCatalog.ParseConfiguration("""{"rules": {"unresolved-reference": "warning"}}""", out _);

    /// <summary>
    /// A generated workspace with its planted mistakes, the examples, a file with a syntax error, an empty one, one
    /// configured, and a key given twice (the later text wins), in no particular order.
    /// </summary>
    private static IReadOnlyList<(string Key, string Path, string Text, RuleConfiguration? Configuration)> Files()
    {
        var files = SpecGenerator.GenerateWorkspace(caches: 400, files: 30, seed: 5)
            .Select(file => ($"gen/{file.Path}", $"/ws/gen/{file.Path}", file.Text, (RuleConfiguration?)null))
            .ToList();
        files.AddRange(Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Examples, path).Replace('\\', '/'))
            .Select(name => ($"examples/{name}", $"/ws/examples/{name}",
                File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name)), (RuleConfiguration?)Relaxed)));
        files.Add(("broken", "/ws/broken.cachespec.yaml", Specs.Header + "caches:\n  - name: [unclosed\n", null));
        files.Add(("empty", "/ws/empty.cachespec.yaml", "", null));
        files.Add(("twice", "/ws/first.cachespec.yaml", Specs.ManyCaches(3), null));
        files.Add(("twice", "/ws/second.cachespec.yaml", Specs.ManyCaches(4), Relaxed));
        // Shuffled with a fixed seed, so that the order given, not the order of the keys, decides.
        var random = new Random(5);
        return files.OrderBy(_ => random.Next()).ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void Setting_many_texts_at_once_gives_the_snapshot_of_setting_them_one_by_one(int parallelThreshold)
    {
        var files = Files();
        var oneByOne = new AnalysisHost(new AnalysisOptions { ParallelThreshold = int.MaxValue });
        foreach (var (key, path, text, configuration) in files)
        {
            oneByOne.SetText(key, path, text, configuration: configuration);
        }
        var atOnce = new AnalysisHost(new AnalysisOptions { ParallelThreshold = parallelThreshold });
        var bound = 0;
        var snapshot = atOnce.SetTexts(files, () => Interlocked.Increment(ref bound));

        Assert.Same(snapshot, atOnce.Current);
        Assert.Equal(files.Count, bound);
        Assert.Equal(Describe(oneByOne.Current), Describe(snapshot));
        Assert.Equal(files.Last(file => file.Key == "twice").Path, snapshot.Files["twice"].Path);
        var findings = Findings(snapshot);
        Assert.Contains("unresolved-reference", findings);
        Assert.Equal(Findings(oneByOne.Current), findings);
    }

    [Fact]
    public void Files_set_at_once_on_every_core_are_the_same_run_after_run_and_join_those_already_there()
    {
        var files = Files();
        var first = new AnalysisHost(new AnalysisOptions { ParallelThreshold = 0 });
        first.SetText("kept", "/ws/kept.cachespec.yaml", Specs.ManyCaches(2));
        first.SetTexts(files);
        for (var run = 0; run < 3; run++)
        {
            var again = new AnalysisHost(new AnalysisOptions { ParallelThreshold = 0 });
            again.SetText("kept", "/ws/kept.cachespec.yaml", Specs.ManyCaches(2));
            again.SetTexts(files);
            Assert.Equal(Describe(first.Current), Describe(again.Current));
            Assert.Equal(Findings(first.Current), Findings(again.Current));
        }
        Assert.Equal("/ws/kept.cachespec.yaml", first.Current.Files["kept"].Path);
    }

    [Fact]
    public void Setting_no_texts_keeps_the_files()
    {
        var host = new AnalysisHost();
        host.SetText("a", "/ws/a.cachespec.yaml", Specs.ManyCaches(1));
        var snapshot = host.SetTexts(Array.Empty<(string, string, string, RuleConfiguration?)>());
        Assert.Equal(new[] { "a" }, snapshot.Files.Keys);
    }

    /// <summary>Every file by key: path, text, configuration, and each document's caches and format issues.</summary>
    private static string[] Describe(AnalysisSnapshot snapshot) => snapshot.Files
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => $"{pair.Key} {pair.Value.Path} {pair.Value.Text.Text.GetHashCode(StringComparison.Ordinal)} "
            + $"{pair.Value.Text.Length} rules {string.Join(',', pair.Value.Configuration.Rules)} "
            + string.Join(" | ", pair.Value.Documents.Select(Describe)))
        .ToArray();

    private static string Describe(SpecDocument document) =>
        $"{document.Profile} networks {string.Join(',', document.Networks.Select(n => n.Name?.Value))} "
        + $"nsgs {document.NetworkSecurityGroups.Count} "
        + $"caches {string.Join(',', document.Caches.Select(cache => $"{cache.Name?.Value}@{cache.Syntax.Span}"))} "
        + $"format {string.Join(';', document.FormatIssues)}";

    /// <summary>Every finding of the workspace, in the order the analysis gives them, with its file.</summary>
    private static string Findings(AnalysisSnapshot snapshot) => string.Concat(snapshot.Analysis.Diagnostics
        .Select(finding => $"{finding.Path} {Specs.Render(new[] { finding })}"));
}
