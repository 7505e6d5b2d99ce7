using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Fixes;

/// <summary>
/// Applies every quick fix offered on the rule pages' failing examples, the examples folder and the edge cases, one at
/// a time, and re-checks: the YAML stays valid, the fixed finding is gone from its place, and no new error appears.
/// </summary>
public class QuickFixTests
{
    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(rule => rule.Id));

    public static TheoryData<string> ExampleFolders => new(ExampleWorkspaces.ByFolder().Keys);

    public static TheoryData<string> CaseNames => new(FixCases.All.Keys);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_fix_on_a_rule_pages_failing_example_works(string id)
    {
        var outcome = FixCheck.Run(FixWorkspaces.RulePage(id));
        Assert.True(outcome.Problems.Count == 0, string.Join("\n\n", outcome.Problems));
        if (RuleCatalog.IdsWithFixes.Contains(id) && id != "missing-required")
        {
            Assert.Contains(outcome.Fixes, fix => fix.Diagnostic.Code == id);
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFolders))]
    public void Every_fix_on_the_examples_works(string folder)
    {
        var outcome = FixCheck.Run(ExampleWorkspaces.ByFolder()[folder]);
        Assert.True(outcome.Problems.Count == 0, string.Join("\n\n", outcome.Problems));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_fix_on_the_edge_cases_works(string name)
    {
        var outcome = FixCheck.Run(FixCases.All[name]);
        Assert.True(outcome.Problems.Count == 0, string.Join("\n\n", outcome.Problems));
    }

    [Fact]
    public void Every_rule_with_fixes_offers_one_somewhere_and_only_real_rules_have_fixes()
    {
        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var files in FixWorkspaces.All)
        {
            var analysis = FixCheck.Analyze(files);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                if (CodeFixes.For(analysis, diagnostic).Count > 0)
                {
                    offered.Add(diagnostic.Code);
                }
            }
        }
        Assert.Equal(RuleCatalog.IdsWithFixes.Order(), offered.Order());
        Assert.All(RuleCatalog.IdsWithFixes, id => Assert.NotNull(RuleCatalog.Find(id)));
        Assert.Equal(RuleCatalog.IdsWithFixes.Count(), RuleCatalog.IdsWithFixes.Distinct().Count());
        Assert.DoesNotContain("duplicate-name", RuleCatalog.IdsWithFixes);
    }
}
