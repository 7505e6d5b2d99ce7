using CacheSpec.Analysis;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Tests.Fixes;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Holds each rule's declaration of what it reads (<see cref="Rule.Reads"/>) true on every workspace the tests know
/// (the examples, each rule page's examples, the fix cases): an <see cref="RuleInputs.Item"/> rule finds in a network,
/// NSG or cache checked alone exactly what it finds there in the whole workspace, and every finding of a rule that
/// reads items lies in a top-level item.
/// </summary>
public class RuleInputsTests
{
    public static TheoryData<string> Workspaces => new(AllWorkspaces().Keys);

    private static Dictionary<string, IReadOnlyDictionary<string, string>> AllWorkspaces()
    {
        var workspaces = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["examples"] = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
                .ToDictionary(path => Path.GetRelativePath(RepositoryPaths.Examples, path), File.ReadAllText),
        };
        foreach (var rule in RuleCatalog.All)
        {
            var page = RulePage.Load(Path.Combine(RepositoryPaths.RuleDocs, rule.Id + ".md"));
            workspaces[$"page {rule.Id}"] = new Dictionary<string,
                string>
            {
                ["fails.cachespec.yaml"] = page.FailingExample!,
                ["passes.cachespec.yaml"] = page.PassingExample!
            };
        }
        foreach (var (name, files) in FixCases.All)
        {
            workspaces[$"fix case {name}"] = files;
        }
        return workspaces;
    }

    private static readonly HashSet<string> ItemRules = RuleCatalog.All.Where(rule => rule.Reads == RuleInputs.Item)
        .Select(rule => rule.Id).ToHashSet();

    [Theory]
    [MemberData(nameof(Workspaces))]
    public void An_item_rule_finds_in_an_item_alone_what_it_finds_there_in_the_workspace(string name)
    {
        var files = AllWorkspaces()[name];
        var whole = SpecAnalyzer.Analyze(files.Select(file => (file.Key, file.Value)));
        // An alias reads its anchor wherever it stands: a file with anchors cannot be cut into items.
        foreach (var document in whole.Model.Documents.Where(document => !document.File.Syntax.HasAnchors))
        {
            foreach (var item in BlockItems(document))
            {
                var expected = whole.For(document.File.Path)
                    .Where(d => ItemRules.Contains(d.Code) && d.Span.Start >= item.Start && d.Span.End <= item.End)
                    .Select(Describe);
                var alone = Alone(document, item);
                var found = SpecAnalyzer.Analyze(new[] { ("alone.cachespec.yaml", alone.Text) }).Diagnostics
                    .Where(d => ItemRules.Contains(d.Code) && d.Span.Start >= alone.ItemStart)
                    .Select(d => Describe(d with
                    {
                        Span = new(d.Span.Start - alone.ItemStart + item.Start,
                        d.Span.Length)
                    }));
                Assert.True(expected.SequenceEqual(found),
                    $"{document.File.Path} [{item.Start}..{item.End}): in the workspace\n  " +
                        $"{string.Join("\n  ", expected)}\nalone\n  {string.Join("\n  ", found)}\n--- the item " +
                        $"alone:\n{alone.Text}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Workspaces))]
    public void Every_finding_of_a_rule_that_reads_items_lies_in_a_top_level_item(string name)
    {
        var whole = SpecAnalyzer.Analyze(AllWorkspaces()[name].Select(file => (file.Key, file.Value)));
        var itemReaders = RuleCatalog.All.Where(rule =>
            rule.Reads is RuleInputs.Item or RuleInputs.ItemAndReferences or RuleInputs.InjectedSubnet)
            .Select(rule => rule.Id).ToHashSet();
        foreach (var finding in whole.Diagnostics.Where(d => itemReaders.Contains(d.Code)))
        {
            var items = whole.Model.Documents.Where(document => document.File.Path == finding.Path)
                .SelectMany(TopLevelItems);
            Assert.True(items.Any(item => item.Start <= finding.Span.Start && finding.Span.End <= item.End),
                $"{finding.Path}: {Describe(finding)}");
        }
    }

    private static string Describe(Diagnostic d) => $"{d.Span} {d.Code} {d.Severity} {d.Message}";

    private static IEnumerable<(int Start, int End)> TopLevelItems(SpecDocument document) =>
        (document.Root?.Entries ?? []).Select(entry => entry.Value.Resolved).OfType<SequenceSyntax>()
            .SelectMany(list => list.Items).Select(item => (item.Span.Start, item.Span.End));

    /// <summary>The items of the document's block lists, each from the start of its first line (where its dash stands)
    /// to the end of its last.</summary>
    private static IEnumerable<(string List, int Start, int End)> BlockItems(SpecDocument document)
    {
        foreach (var entry in document.Root is { IsFlow: false } root ? root.Entries : [])
        {
            if (entry.Value is SequenceSyntax { IsFlow: false } list && entry.KeyText is { } key)
            {
                foreach (var item in list.Items)
                {
                    yield return (key, LineStart(document, item.Span.Start), LineEnd(document, item.Span.End));
                }
            }
        }
    }

    /// <summary>A spec with the document's own settings (every key but its lists) and the one item under its list's
    /// key.</summary>
    private static (string Text, int ItemStart) Alone(SpecDocument document, (string List, int Start, int End) item)
    {
        var text = document.File.Text.Text;
        var header = string.Concat(document.Root!.Entries
            .Where(entry => entry.Value is not SequenceSyntax)
            .Select(entry => text[LineStart(document, entry.Key.Span.Start)..LineEnd(document, entry.Value.Span.End)]
                + "\n"));
        var prefix = header + item.List + ":\n";
        return (prefix + text[item.Start..item.End] + "\n", prefix.Length);
    }

    private static int LineStart(SpecDocument document, int offset) =>
        document.File.Text.GetLineStart(document.File.Text.GetLineIndex(offset));

    private static int LineEnd(SpecDocument document, int offset)
    {
        var text = document.File.Text;
        var line = text.GetLineIndex(offset);
        return text.GetLineStart(line) + text.GetLineText(line).Length;
    }
}
