using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Features;

/// <summary>
/// The hover at each cursor of tests/cases/features/hover (with the shared hub network in the workspace) against
/// tests/baselines/features/hover: keys and values in each guidance profile, references, CIDRs, findings, suppression comments.
/// </summary>
public class HoverBaselineTests
{
    private const string Feature = "hover";

    public static TheoryData<string> CaseNames => new(FeatureCase.Names(Feature));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Hovers_match_their_baseline(string name)
    {
        var feature = FeatureCase.Load(Feature, name, withHubNetwork: true);
        var workspace = feature.Workspace();
        Assert.True(feature.Files.Sum(file => file.Content.Cursors.Count) > 0, $"{name} marks no cursor with {CursorText.Marker}");
        feature.MatchBaseline(string.Concat(feature.Files.Select(file => HoverRendering.Render(workspace, file))));
    }
}
