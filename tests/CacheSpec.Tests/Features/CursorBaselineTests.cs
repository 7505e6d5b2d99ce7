using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Features;

/// <summary>
/// What the engine answers at each cursor of tests/cases/features/hover and tests/cases/features/completion, with the
/// shared hub
/// network in the workspace, against tests/baselines/features/&lt;feature&gt;/&lt;case&gt;.txt. Hover: keys and values
/// in each
/// guidance profile, references, CIDRs, findings, suppression comments. Completion: keys, values, sizes per tier,
/// references,
/// snippets, empty documents, broken text.
/// </summary>
public class CursorBaselineTests
{
    public static TheoryData<string> HoverCases => new(FeatureCase.Names("hover"));

    public static TheoryData<string> CompletionCases => new(FeatureCase.Names("completion"));

    [Theory]
    [MemberData(nameof(HoverCases))]
    public void Hovers_match_their_baseline(string name) => Check("hover", name, HoverRendering.Render);

    [Theory]
    [MemberData(nameof(CompletionCases))]
    public void Completions_match_their_baseline(string name) => Check("completion", name, CompletionRendering.Render);

    private static void Check(string feature, string name, Func<FeatureWorkspace, FeatureCase.File, string> render)
    {
        var featureCase = FeatureCase.Load(feature, name, withHubNetwork: true);
        var workspace = featureCase.Workspace();
        Assert.True(featureCase.Files.Sum(file => file.Content.Cursors.Count) > 0,
            $"{name} marks no cursor with {CursorText.Marker}");
        featureCase.MatchBaseline(string.Concat(featureCase.Files.Select(file => render(workspace, file))));
    }
}
