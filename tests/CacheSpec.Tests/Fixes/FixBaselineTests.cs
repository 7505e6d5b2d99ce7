using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;
using CacheSpec.Tests.Support.Rendering;

namespace CacheSpec.Tests.Fixes;

/// <summary>
/// Every finding of the fix workspaces with every quick fix it offers and the exact change each makes (see <see
/// cref="FixRendering"/>), against tests/baselines/features/fixes: &lt;case&gt;.txt for the edge cases,
/// rule-pages/&lt;id&gt;.txt for the failing example of each rule with fixes, examples/&lt;folder&gt;.txt for the
/// examples.
/// </summary>
public class FixBaselineTests
{
    private static string Baselines => Path.Combine(RepositoryPaths.Baselines, "features", FixCases.Feature);

    public static TheoryData<string> CaseNames => new(FixCases.All.Keys);

    public static TheoryData<string> RuleIdsWithFixes => new(RuleCatalog.IdsWithFixes);

    public static TheoryData<string> ExampleFolders => new(ExampleWorkspaces.ByFolder().Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fixes_of_an_edge_case_match_their_baseline(string name) =>
        Baseline.Match(Path.Combine(Baselines, name + ".txt"), FixRendering.Render(FixCases.All[name]));

    [Theory]
    [MemberData(nameof(RuleIdsWithFixes))]
    public void Fixes_of_a_rule_pages_failing_example_match_their_baseline(string id) =>
        Baseline.Match(Path.Combine(Baselines, "rule-pages", id + ".txt"),
            FixRendering.Render(FixWorkspaces.RulePage(id)));

    [Theory]
    [MemberData(nameof(ExampleFolders))]
    public void Fixes_of_the_examples_match_their_baseline(string folder) =>
        Baseline.Match(Path.Combine(Baselines, "examples", ExampleWorkspaces.BaselineName(folder)),
            FixRendering.Render(ExampleWorkspaces.ByFolder()[folder]));
}
