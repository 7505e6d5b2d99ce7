using System.Text.RegularExpressions;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Holds the rule catalog, the rule table of docs/format.md and the docs pages together, and runs every page's examples
/// through the
/// engine: the failing example must raise its rule, the passing one must not. Their full diagnostics are kept as
/// baselines.
/// </summary>
public class RuleCatalogMetaTests
{
    public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(rule => rule.Id));

    private static readonly FormatReferenceTables Reference = FormatReferenceTables.Load();

    /// <summary>A row of the reference's rule table: the rule, its page, category, severity per profile, and the
    /// catalog it comes from.</summary>
    private sealed record RuleRow(string Id, string Page, string Category, string Severity2020, string SeverityCurrent,
        string Catalog);

    private static IReadOnlyList<RuleRow> RuleTable() =>
        Reference.Rows("Rules").Select(row =>
        {
            var link = Regex.Match(row[0], @"^\[`([a-z0-9-]+)`\]\(([^)]+)\)$");
            return new RuleRow(link.Groups[1].Value, link.Groups[2].Value, row[1], row[3], row[4], row[5]);
        }).ToArray();

    /// <summary>Rules CacheSpec added to the format's v1 catalog (ids may be added, never renamed or
    /// removed).</summary>
    private static readonly string[] AddedRules =
    {
        "invalid-suppression", "unused-suppression", "limit-exceeded", "firewall-allow-list-large", "invalid-zones",
        "redis-version-retired", "access-key-authentication", "access-keys-disabled-without-entra",
        "vnet-subnet-nat-gateway", "vnet-forced-tunneling", "persistence-storage-firewall",
        "geo-replication-address-overlap",
    };

    [Fact]
    public void The_catalog_has_exactly_the_ids_of_the_reference_table()
    {
        Assert.Equal(RuleTable().Select(row => row.Id).Order(), RuleCatalog.All.Select(rule => rule.Id).Order());
    }

    /// <summary>The size of the format's v1 catalog as docs/format.md states it in prose, both times it does.</summary>
    private static int FormatCatalogSize()
    {
        var text = File.ReadAllText(RepositoryPaths.FormatReference);
        var stated = Regex.Matches(text,
            @"the format's v1 catalog of (\d+) ids|for the (\d+) rules of the format's v1 catalog")
            .Select(match => int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value))
            .ToArray();
        Assert.Equal(2, stated.Length);
        Assert.Single(stated.Distinct());
        return stated[0];
    }

    [Fact]
    public void The_reference_table_keeps_the_formats_catalog_and_marks_only_the_added_ones_besides()
    {
        var rows = RuleTable();
        Assert.Equal(FormatCatalogSize(), rows.Count(row => row.Catalog == "format"));
        Assert.Equal(RuleCatalog.All.Count - AddedRules.Length, rows.Count(row => row.Catalog == "format"));
        Assert.Equal(AddedRules.Order(), rows.Where(row => row.Catalog == "added").Select(row => row.Id).Order());
        Assert.All(rows, row => Assert.True(row.Catalog is "format" or "added",
            $"{row.Id}: catalog '{row.Catalog}' is neither format nor added"));
    }

    [Fact]
    public void Rule_ids_are_unique_and_kebab_case()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(rule => rule.Id).Distinct().Count());
        Assert.All(RuleCatalog.All, rule => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id));
    }

    [Fact]
    public void Severities_categories_and_pages_match_the_reference_table()
    {
        foreach (var row in RuleTable())
        {
            var rule = RuleCatalog.Find(row.Id);
            Assert.True(rule is not null, $"docs/format.md lists '{row.Id}', which is not in the catalog");
            Assert.True(row.Severity2020 == Name(rule.Severities.V2020_10),
                $"{row.Id}: 2020-10 severity {Name(rule.Severities.V2020_10)}, docs/format.md says {row.Severity2020}");
            Assert.True(row.SeverityCurrent == Name(rule.Severities.Current),
                $"{row.Id}: current severity {Name(rule.Severities.Current)}, "
                + $"docs/format.md says {row.SeverityCurrent}");
            Assert.True(string.Equals(row.Category, rule.Category.ToString(), StringComparison.OrdinalIgnoreCase),
                $"{row.Id}: category {rule.Category}, docs/format.md says {row.Category}");
            Assert.True(row.Page == $"rules/{row.Id}.md", $"{row.Id}: docs/format.md links {row.Page}");
        }
    }

    [Fact]
    public void The_profile_table_lists_exactly_the_rules_whose_profiles_differ()
    {
        var differing = RuleCatalog.All.Where(rule => rule.Severities.V2020_10 != rule.Severities.Current)
            .Select(rule =>
                $"[`{rule.Id}`](rules/{rule.Id}.md) {Name(rule.Severities.V2020_10)} {Name(rule.Severities.Current)}");
        Assert.Equal(differing.Order(), Reference.Rows("Guidance profiles").Select(row => $"{row[0]} {row[1]} {row[2]}")
            .Order());
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(RepositoryPaths.RuleDocs, "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.True(page == RuleCatalog.InternalErrorId
            || RuleCatalog.Find(page!) is not null, $"docs/rules/{page}.md names no rule"));
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
        var sections = new[] { "What it checks", "Why", "Example that fails", "Example that passes",
            "How the profiles differ" };
        // Pages of rules with quick fixes list them in one more section, last.
        Assert.True(page.Sections.SequenceEqual(sections)
            || page.Sections.SequenceEqual(sections.Append("Quick fixes")),
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
        Assert.True(failing.Diagnostics.Any(d => d.Code == id),
            $"The failing example of {id} does not raise it:\n{Specs.Render(failing.Diagnostics)}");
        Assert.True(passing.Diagnostics.All(d => d.Code != id),
            $"The passing example of {id} raises it:\n{Specs.Render(passing.Diagnostics)}");
        Assert.True(passing.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error),
            $"The passing example of {id} has errors:\n{Specs.Render(passing.Diagnostics)}");
        Baseline.Match(Path.Combine(RepositoryPaths.Baselines, "rules", id + ".txt"),
            "# failing example\n" + Specs.Render(failing.Diagnostics) + "# passing example\n"
                + Specs.Render(passing.Diagnostics));
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
