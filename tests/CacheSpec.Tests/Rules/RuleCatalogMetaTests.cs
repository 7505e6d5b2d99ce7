using System.Text.RegularExpressions;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Holds the rule catalog, the design's tables and the docs pages together, and runs every page's examples through the engine:
/// the failing example must raise its rule, the passing one must not. Their full diagnostics are kept as baselines.
/// </summary>
public class RuleCatalogMetaTests
{
    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(rule => rule.Id));

    private static IReadOnlyList<(string Id, string Severities)> DesignTable()
    {
        var text = File.ReadAllText(RepositoryPaths.DesignSpecFormat);
        return Regex.Matches(text, @"^\| `([a-z0-9-]+)` \| .* \| ([^|]+) \|\s*$", RegexOptions.Multiline)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value.Trim()))
            .ToArray();
    }

    /// <summary>Rules the product added to the design's catalog (ids may be added, never renamed).</summary>
    private static readonly string[] AddedRules = { "invalid-suppression", "unused-suppression", "limit-exceeded" };

    [Fact]
    public void The_catalog_has_the_design_tables_ids_and_only_the_added_ones_besides()
    {
        var design = DesignTable().Select(row => row.Id).ToArray();
        Assert.Equal(42, design.Length);
        Assert.Equal(design.Concat(AddedRules).OrderBy(id => id), RuleCatalog.All.Select(rule => rule.Id).OrderBy(id => id));
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(rule => rule.Id).Distinct().Count());
        Assert.All(RuleCatalog.All, rule => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id));
    }

    [Fact]
    public void Severities_match_the_design_table()
    {
        foreach (var (id, severities) in DesignTable())
        {
            var rule = RuleCatalog.Find(id)!;
            var parts = severities.Split('(')[0].Split('/').Select(part => part.Trim()).ToArray();
            var expected2020 = parts[0];
            var expectedCurrent = parts.Length > 1 ? parts[1] : parts[0];
            Assert.True(expected2020 == Name(rule.Severities.V2020_10), $"{id}: 2020-10 severity {Name(rule.Severities.V2020_10)}, design says {expected2020}");
            Assert.True(expectedCurrent == Name(rule.Severities.Current), $"{id}: current severity {Name(rule.Severities.Current)}, design says {expectedCurrent}");
        }
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(RepositoryPaths.RuleDocs, "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.True(page == RuleCatalog.InternalErrorId || RuleCatalog.Find(page!) is not null, $"docs/rules/{page}.md names no rule"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.RuleDocs, RuleCatalog.InternalErrorId + ".md")));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_complete_page(string id)
    {
        var path = Path.Combine(RepositoryPaths.RuleDocs, id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var page = RulePage.Load(path);
        var rule = RuleCatalog.Find(id)!;
        Assert.Equal(id, page.Title);
        Assert.Equal(Name(rule.Severities.V2020_10), page.Severity2020);
        Assert.Equal(Name(rule.Severities.Current), page.SeverityCurrent);
        var sections = new[] { "What it checks", "Why", "Example that fails", "Example that passes", "How the profiles differ" };
        // Pages of rules with quick fixes list them in one more section, last.
        Assert.True(page.Sections.SequenceEqual(sections) || page.Sections.SequenceEqual(sections.Append("Quick fixes")),
            $"docs/rules/{id}.md has the sections {string.Join(", ", page.Sections)}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_pages_failing_example_raises_the_rule_and_the_passing_one_does_not(string id)
    {
        var page = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, id + ".md"));
        Assert.NotNull(page.FailingExample);
        Assert.NotNull(page.PassingExample);
        var failing = SpecAnalyzer.Analyze(new[] { ($"{id}.fails.cachespec.yaml", page.FailingExample!) });
        var passing = SpecAnalyzer.Analyze(new[] { ($"{id}.passes.cachespec.yaml", page.PassingExample!) });
        Assert.True(failing.Diagnostics.Any(d => d.Code == id), $"The failing example of {id} does not raise it:\n{Specs.Render(failing.Diagnostics)}");
        Assert.True(passing.Diagnostics.All(d => d.Code != id), $"The passing example of {id} raises it:\n{Specs.Render(passing.Diagnostics)}");
        Assert.True(passing.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error),
            $"The passing example of {id} has errors:\n{Specs.Render(passing.Diagnostics)}");
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "rules", id + ".txt"),
            "# failing example\n" + Specs.Render(failing.Diagnostics) + "# passing example\n" + Specs.Render(passing.Diagnostics));
    }

    [Fact]
    public void The_readme_links_every_rule_page()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        Assert.All(RuleCatalog.All, rule => Assert.Contains($"(docs/rules/{rule.Id}.md)", readme));
    }

    private static string Name(DiagnosticSeverity? severity) => severity switch
    {
        null => "-",
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hint",
    };
}
