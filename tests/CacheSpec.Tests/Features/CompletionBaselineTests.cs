using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Features;

/// <summary>
/// The completion list at each cursor of tests/cases/features/completion (with the shared hub network in the workspace) against
/// tests/baselines/features/completion: keys, values, sizes per tier, references, snippets, empty documents, broken text.
/// </summary>
public class CompletionBaselineTests
{
    private const string Feature = "completion";

    public static TheoryData<string> CaseNames => new(FeatureCase.Names(Feature));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Completions_match_their_baseline(string name)
    {
        var feature = FeatureCase.Load(Feature, name, withHubNetwork: true);
        var workspace = feature.Workspace();
        Assert.True(feature.Files.Sum(file => file.Content.Cursors.Count) > 0, $"{name} marks no cursor with {CursorText.Marker}");
        feature.MatchBaseline(string.Concat(feature.Files.Select(file => CompletionRendering.Render(workspace, file))));
    }
}
