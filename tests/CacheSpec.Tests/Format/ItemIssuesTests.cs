using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>The format check of an edited file reuses the issues of the top-level list items the edit left as they
/// were.</summary>
public class ItemIssuesTests
{
    /// <summary>Six caches, the second with an unknown key and the fifth with a bad tier, so that reused items carry
    /// issues too.</summary>
    private static readonly string Original = Specs.ManyCaches(6)
        .Replace("  - name: cache-1\n", "  - name: cache-1\n    colour: blue\n")
        .Replace("  - name: cache-4\n    region: westeurope\n    tier: Premium",
            "  - name: cache-4\n    region: westeurope\n    tier: Gold");

    [Theory]
    [InlineData("cache-3", 1,
        3)] // an edit in the fourth cache: the network and the three caches before it are the same nodes
    [InlineData("cache-5", 1, 5)] // the last cache
    [InlineData("cache-0", 1, 0)]
    public void Items_before_the_edited_one_are_reused_and_the_issues_equal_a_fresh_check(string cache, int networks,
        int cachesBefore)
    {
        var before = SpecFile.Create("spec.cachespec.yaml", Original);
        var at = Original.IndexOf("  - name: " + cache + "\n", StringComparison.Ordinal) + "  - name: ".Length
            + cache.Length;
        var edited = Original.Insert(at, "x");
        var tree = before.Syntax.Edit(new SourceText(edited), new TextSpan(at, 0), 1);

        var after = SpecFile.Create("spec.cachespec.yaml", tree, previous: before);
        var fresh = SpecFile.Create("spec.cachespec.yaml", edited);

        // Items after the edit are shifted copies, so they are checked again.
        Assert.Equal(networks + cachesBefore, after.Documents[0].ItemIssues!.Reused);
        Assert.Equal(fresh.Documents[0].FormatIssues, after.Documents[0].FormatIssues);
        Assert.Contains(after.Documents[0].FormatIssues, issue => issue.Message.Contains("colour",
            StringComparison.Ordinal));
        Assert.Contains(after.Documents[0].FormatIssues, issue => issue.Message.Contains("Gold",
            StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_inside_an_item_brings_its_new_issues_and_drops_its_old_ones()
    {
        var before = SpecFile.Create("spec.cachespec.yaml", Original);
        var at = Original.IndexOf("tier: Gold", StringComparison.Ordinal) + "tier: ".Length;
        var edited = Original.Remove(at, "Gold".Length).Insert(at, "Premium");
        var tree = before.Syntax.Edit(new SourceText(edited), new TextSpan(at, "Gold".Length), "Premium".Length);

        var after = SpecFile.Create("spec.cachespec.yaml", tree, previous: before);

        Assert.DoesNotContain(after.Documents[0].FormatIssues, issue => issue.Message.Contains("Gold",
            StringComparison.Ordinal));
        Assert.Equal(SpecFile.Create("spec.cachespec.yaml", edited).Documents[0].FormatIssues, after.Documents[0]
            .FormatIssues);
    }

    [Fact]
    public void A_file_parsed_afresh_shares_no_node_with_the_previous_one_and_reuses_nothing()
    {
        var before = SpecFile.Create("spec.cachespec.yaml", Original);
        var after = SpecFile.Create("spec.cachespec.yaml", SyntaxTree.Parse(new SourceText(Original)),
            previous: before);

        Assert.Equal(0, after.Documents[0].ItemIssues!.Reused);
        Assert.Equal(before.Documents[0].FormatIssues, after.Documents[0].FormatIssues);
        Assert.Equal(1 + 6, after.Documents[0].ItemIssues!.Count);
    }
}
