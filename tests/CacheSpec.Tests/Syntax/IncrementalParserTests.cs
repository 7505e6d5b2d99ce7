using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;
using CsCheck;

namespace CacheSpec.Tests.Syntax;

/// <summary>
/// The spliced tree of an edit must be exactly the tree a full parse of the new text gives: same nodes, values, styles
/// and spans, same documents and errors. Random edit sequences on real specs, biased towards edits inside list items,
/// where the splice applies.
/// </summary>
public class IncrementalParserTests
{
    private static readonly string[] Seeds = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml",
        SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)
        .Append(Specs.ManyCaches(12))
        .Append(Specs.ManyCaches(3).Replace("\n", "\r\n", StringComparison.Ordinal))
        .Append(Specs.ManyCaches(4) + "---\n" + Specs.ManyCaches(2))
        .ToArray();

    private static readonly string[] Insertions =
    {
        "#", "x", " ", "  ", "\n", "\r\n", "\n    ", "\n  - ", "- ", ": ", "\t", "\"", "'", "[", "]", "{", "}", "|\n",
            ">-\n      text\n", "&a ", "*a",
        "\n    tier: Premium", "\n    # note", "\n# comment\n", "\n\n", "---\n", "...\n",
            "\n  - name: added\n    tier: Basic\n", "😀", "\0", "\r",
        "    shardCount: 3\n", "\nextra: 1\n", "caches:", "1", "null", "{ a: 1 }", "\n      - 10.0.0.0/24",
        "%", "\n%YAML 1.2\n", "\n...x", "\nkey: value", "\n- ", "\n    ? key", "? ", "\n  # c\n  - x",
        "\n    deep: " + new string('[', 61) + new string(']', 61), "\n    deeper: " + new string('[', 62)
            + new string(']', 62),
    };

    /// <summary>What a user types most of the time: letters, digits, spaces, comments.</summary>
    private static readonly string[] Typed = { "a", "Z", "0", "7", "-", ".", "/", " ", "#", "e", "s" };

    private static readonly Gen<(int Seed, int Edits, int Random)> Cases =
        from seed in Gen.Int[0, Seeds.Length - 1]
        from edits in Gen.Int[1, 8]
        from random in Gen.Int
        select (seed, edits, random);

    [Fact]
    public void A_spliced_tree_equals_the_full_parse_of_the_new_text()
    {
        var spliced = 0;
        var total = 0;
        Cases.Sample(@case =>
        {
            var random = new Random(@case.Random);
            var tree = SyntaxTree.Parse(new SourceText(Seeds[@case.Seed]));
            for (var i = 0; i < @case.Edits; i++)
            {
                var (span, inserted) = RandomEdit(tree.Text.Text, random);
                var newText = new SourceText(string.Concat(tree.Text.Text.AsSpan(0, span.Start), inserted,
                    tree.Text.Text.AsSpan(span.End)));
                var incremental = IncrementalParser.TryReparse(tree, newText, span, inserted.Length);
                var full = SyntaxTree.Parse(newText);
                if (tree.Errors.Count == 0 && full.Errors.Count == 0)
                {
                    total++;
                }
                if (incremental is not null)
                {
                    spliced++;
                    var expected = SyntaxDump.Of(full);
                    var actual = SyntaxDump.Of(incremental);
                    var nearStart = Math.Max(0, span.Start - 80);
                    var near = newText.Text.Substring(nearStart, Math.Min(160, newText.Length - nearStart));
                    Assert.True(expected == actual,
                        $"Edit {span} with {Escape(inserted)} near {Escape(near)}\n{expected}\n---\n{actual}");
                }
                Assert.Equal(SyntaxDump.Of(full), SyntaxDump.Of(tree.Edit(newText, span, inserted.Length)));
                tree = full;
            }
        }, iter: 3_000, threads: 1);
        // The test means something only if most edits from clean YAML to clean YAML take the splice.
        Assert.True(spliced * 2 > total, $"{spliced} of {total} edits between clean trees were spliced");
    }

    [Fact]
    public void Typing_at_the_end_of_the_file_and_inside_an_item_is_spliced()
    {
        var text = Specs.ManyCaches(5);
        var tree = SyntaxTree.Parse(new SourceText(text));
        var atEnd = new SourceText(text + "#");
        Assert.NotNull(IncrementalParser.TryReparse(tree, atEnd, new TextSpan(text.Length, 0), 1));
        var inside = text.IndexOf("tier: Premium", StringComparison.Ordinal) + "tier: ".Length;
        var edited = new SourceText(text.Insert(inside, "x"));
        var spliced = IncrementalParser.TryReparse(tree, edited, new TextSpan(inside, 0), 1);
        Assert.NotNull(spliced);
        Assert.Equal(SyntaxDump.Of(SyntaxTree.Parse(edited)), SyntaxDump.Of(spliced!));
    }

    [Theory]
    [InlineData("  - name: ", "  -  name: ")]
    [InlineData("  - name: ", "   - name: ")]
    [InlineData("tier: Premium", "tier: &t Premium")]
    [InlineData("tier: Premium", "tier: \"Premium")]
    public void Edits_that_could_change_the_structure_around_the_item_parse_everything(string find, string replace)
    {
        var text = Specs.ManyCaches(5);
        var at = text.IndexOf(find, text.IndexOf("caches:", StringComparison.Ordinal), StringComparison.Ordinal);
        var edited = new SourceText(text[..at] + replace + text[(at + find.Length)..]);
        var tree = SyntaxTree.Parse(new SourceText(text)).Edit(edited, new TextSpan(at, find.Length), replace.Length);
        Assert.Equal(SyntaxDump.Of(SyntaxTree.Parse(edited)), SyntaxDump.Of(tree));
    }

    private static (TextSpan Span, string Inserted) RandomEdit(string text, Random random)
    {
        // Half of the edits fall among the caches, where a large spec spends most of its lines.
        var caches = text.IndexOf("\ncaches:", StringComparison.Ordinal);
        var start = caches >= 0 && random.Next(2) == 0 ? random.Next(caches, text.Length + 1) : random.Next(text.Length
            + 1);
        // Keep surrogate pairs and CRLF whole, as an editor's UTF-16 positions do.
        while (start > 0 && start < text.Length && (char.IsLowSurrogate(text[start]) || (text[start] == '\n'
            && text[start - 1] == '\r')))
        {
            start--;
        }
        var length = random.Next(3) == 0 ? Math.Min(random.Next(1, 40), text.Length - start) : 0;
        var end = start + length;
        while (end > start && end < text.Length && (char.IsLowSurrogate(text[end]) || (text[end] == '\n'
            && text[end - 1] == '\r')))
        {
            end--;
        }
        var inserted = length > 0 && random.Next(2) == 0 ? string.Empty
            : random.Next(2) == 0 ? Typed[random.Next(Typed.Length)]
            : Insertions[random.Next(Insertions.Length)];
        return (TextSpan.FromBounds(start, end), inserted);
    }

    private static string Escape(string value) => value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n",
        "\\n", StringComparison.Ordinal);
}
