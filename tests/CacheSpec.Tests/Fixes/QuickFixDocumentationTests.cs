using System.Text.RegularExpressions;
using CacheSpec.Analysis.Fixes;
using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Fixes;

/// <summary>Every rule with fixes lists them in a "Quick fixes" section of its page, and only those rules have
/// one.</summary>
public class QuickFixDocumentationTests
{
    [Fact]
    public void The_rules_with_fixes_are_the_pages_with_a_quick_fixes_section()
    {
        var documented = RuleCatalog.All.Select(rule => rule.Id)
            .Where(id => RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, id + ".md"))
                .Sections.Contains("Quick fixes"))
            .Order();
        Assert.Equal(RuleCatalog.IdsWithFixes.Order(), documented);
    }

    [Fact]
    public void Every_offered_fix_title_is_listed_on_its_rules_page()
    {
        foreach (var files in FixWorkspaces.RulePages.Concat(FixCases.All.Values))
        {
            var analysis = FixCheck.Analyze(files);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                var patterns = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, diagnostic.Code + ".md"))
                    .QuickFixes;
                foreach (var fix in CodeFixes.For(analysis, diagnostic))
                {
                    Assert.True(patterns.Any(pattern => Matches(pattern, fix.Title)),
                        $"'{fix.Title}' ({diagnostic.Code}) is not listed under Quick fixes in " +
                            $"docs/rules/{diagnostic.Code}.md");
                }
            }
        }
    }

    /// <summary>A listed title matches when it equals the offered one, each ‹…› standing for any value.</summary>
    private static bool Matches(string pattern, string title) =>
        Regex.IsMatch(title, "^" + string.Join(".+", Regex.Split(pattern, "‹[^›]*›").Select(Regex.Escape)) + "$");
}
