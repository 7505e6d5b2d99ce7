using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Features;

/// <summary>
/// Inlay hints of every example, each folder one workspace
/// (tests/baselines/features/inlay-hints/examples/&lt;folder&gt;.txt), and of the cases of
/// tests/cases/features/inlay-hints with the shared hub network in the workspace (inlay-hints/&lt;case&gt;.txt).
/// </summary>
public class InlayHintBaselineTests
{
    private const string Feature = "inlay-hints";

    public static TheoryData<string> ExampleFolders => new(ExampleWorkspaces.ByFolder().Keys);

    public static TheoryData<string> CaseNames => new(FeatureCase.Names(Feature));

    [Theory]
    [MemberData(nameof(ExampleFolders))]
    public void Hints_of_the_examples_match_their_baseline(string folder)
    {
        var files = ExampleWorkspaces.ByFolder()[folder];
        var workspace = new FeatureWorkspace(files.OrderBy(file => file.Key, StringComparer.Ordinal).Select(file =>
            (file.Key, file.Value)));
        var text = string.Concat(files.Keys.Order(StringComparer.Ordinal).Select(path => $"## {path}\n"
            + InlayHintRendering.Render(workspace, path)));
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "features", Feature, "examples",
            ExampleWorkspaces.BaselineName(folder)), text);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Hints_of_a_case_match_their_baseline(string name)
    {
        var feature = FeatureCase.Load(Feature, name, withHubNetwork: true);
        var workspace = feature.Workspace();
        feature.MatchBaseline(string.Concat(feature.Files.Select(file => $"## {file.Path}\n"
            + InlayHintRendering.Render(workspace, file.Path))));
    }
}
