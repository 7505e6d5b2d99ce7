using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Features;

/// <summary>
/// Document symbols and folding regions of every example (tests/baselines/features/symbols/examples/&lt;path&gt;.txt)
/// and of the cases of tests/cases/features/symbols (tests/baselines/features/symbols/&lt;case&gt;.txt).
/// </summary>
public class OutlineBaselineTests
{
    private const string Feature = "symbols";

    public static TheoryData<string> Examples => new(
        Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Examples, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    public static TheoryData<string> CaseNames => new(FeatureCase.Names(Feature));

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_outline_of_an_example_matches_its_baseline(string path)
    {
        var file = SpecFile.Create(path, File.ReadAllText(Path.Combine(RepositoryPaths.Examples, path)));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "features", Feature, "examples", path + ".txt"),
            OutlineRendering.Render(file));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_outline_of_a_case_matches_its_baseline(string name)
    {
        var feature = FeatureCase.Load(Feature, name);
        var workspace = feature.Workspace();
        feature.MatchBaseline(string.Concat(feature.Files.Select(file => $"## {file.Path}\n"
            + OutlineRendering.Render(workspace.File(file.Path)))));
    }
}
