using System.Text.RegularExpressions;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;
using CsCheck;

namespace CacheSpec.Tests.Syntax;

/// <summary>
/// The fast reader must build exactly the tree YamlDotNet's events build (nodes, values, styles, spans, document span)
/// whenever it reads a text, and give up on everything else. YamlDotNet is the oracle: every text here is read both
/// ways and compared.
/// </summary>
public class BlockYamlReaderTests
{
    [Fact]
    public void Reads_every_example_rule_page_and_guidance_snippet_as_yamldotnet_does()
    {
        var read = 0;
        var texts = Corpus().ToArray();
        foreach (var text in texts)
        {
            if (BlockYamlReader.TryRead(text, 0, text.Length, enclosingDepth: 0) is { } document)
            {
                read++;
                Assert.Equal(YamlDotNetDump(text), Dump(text, document));
            }
        }
        // Most of them are plain block YAML: the reader must not quietly give up on the common case.
        Assert.True(read * 10 >= texts.Length * 8, $"read {read} of {texts.Length}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(70)]
    public void Reads_a_generated_spec_and_each_of_its_items(int caches)
    {
        var text = Specs.ManyCaches(caches);
        var document = BlockYamlReader.TryRead(text, 0, text.Length, enclosingDepth: 0);
        Assert.NotNull(document);
        Assert.Equal(YamlDotNetDump(text), Dump(text, document));

        var source = new SourceText(text);
        foreach (var item in Items(text))
        {
            var fragment = BlockYamlReader.TryRead(text, item.Start, item.End, enclosingDepth: 1);
            Assert.NotNull(fragment);
            var expected = YamlTreeBuilder.BuildClean(source, item.Start, item.End, enclosingDepth: 1);
            Assert.NotNull(expected);
            Assert.Equal(SyntaxDump.Of(new SyntaxTree(source, expected, Array.Empty<SyntaxError>())),
                SyntaxDump.Of(new SyntaxTree(source, new[] { fragment }, Array.Empty<SyntaxError>())));
        }
    }

    public static TheoryData<string> LeftToYamlDotNet() => new()
    {
        "a: &x 1\nb: *x\n",
        "a: !tag 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: one\n  two\n",
        "- a\n  b\n",
        "a: {b: {c: 1}}\n",
        "a: {b: 1, b: 2}\n",
        "a: {b: }\n",
        "a: {b:1}\n",
        "a: \"esc\\\"aped\"\n",
        "a: 'two\n  lines'\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\tb\n",
        "a: 1\na: 2\n",
        "a: b: c\n",
        "a: [b, [c]]\n",
        "a: [b,\n  c]\n",
        "a: [b, ]\n",
        "a: [b: c]\n",
        "? a\n: b\n",
        "- - a\n",
        "a: :x\n",
        ":a: x\n",
        "a: 1\r",
        "a: \u0001\n",
        "a: \uFEFF\n",
        "a: \"x\"#c\n",
        "a: 1\n b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "a\n",
        "plain scalar document\n",
        "",
        "# only a comment\n",
        "key:\n  just a scalar\n",
    };

    [Theory]
    [MemberData(nameof(LeftToYamlDotNet))]
    public void Gives_up_on_what_it_does_not_read_and_the_parse_is_yamldotnets(string text)
    {
        Assert.Null(BlockYamlReader.TryRead(text, 0, text.Length, enclosingDepth: 0));
        Assert.Equal(YamlDotNetDump(text), SyntaxDump.Of(SyntaxTree.Parse(new SourceText(text))));
    }

    public static TheoryData<string> ReadCases() => new()
    {
        "a: 1",
        "a: 1\r\nb:\r\n  - x\r\n",
        "# lead\n\na: 1 # trailing\n# end\n",
        "a:\nb:   # comment\nc: x\n",
        "list:\n- a\n- b: 1\n  c: [x, y ,z]\n  e: []\nnext: 1\n",
        "e:\n  - \n  -\n  - k:\n",
        "d: http://x:8 a#b  \n",
        "'quoted key': \"value\"\nsingle: 'it''s'\n",
        "path: 'C:\\temp\\redis'\n",
        "a: [ 'x', \"y\" ]  # flow\n",
        "a: -1\nb: -x\n",
        "  - name: x\n    t: y\n\n  # c\n",
        "a: x # c\n  # an indented comment\nb: y\n",
        "x:\n  - a:\n    - b\n",
        "héllo: wörld\n",
        "a: [x\u00A0\u00A0]\nb: {k: v\u00A0}\n",
        "l:\n  - { name: office, startIp: 1.2.3.4 , x: \"q\" }\na: {b: 1,c: 2}\ne: {}\nf: { }\n",
    };

    [Theory]
    [MemberData(nameof(ReadCases))]
    public void Reads_these_as_yamldotnet_does(string text)
    {
        var document = BlockYamlReader.TryRead(text, 0, text.Length, enclosingDepth: 0);
        Assert.NotNull(document);
        Assert.Equal(YamlDotNetDump(text), Dump(text, document));
    }

    [Fact]
    public void Random_edits_of_a_spec_read_the_same_as_yamldotnet_or_give_up()
    {
        var baseText = Specs.ManyCaches(12) + "extra:\n  'q': \"v\"\n  list: [a, 'b', \"c\"]\n  empty:\n  - x\n";
        string[] insertions =
        {
            "[", "]", "{", "}", "\t", "\"", "'", "''", ": ", ":", "- ", "-", "\n", "\r\n", "\r", " ", "  ", "&a ",
                "*a ", "!t ", "---\n", "...\n",
            "%", "\0", "? ", "|\n", ">", "#", " #", "x", ",", "\\", "é", "\uFEFF", "@", "`", "key: value\n",
                "  - item\n", "\u00A0", "\u0085",
        };
        var tally = new Tally();
        var gen = Gen.Select(Gen.Int[0, baseText.Length], Gen.Int[0, insertions.Length - 1], Gen.Int[1, 3], Gen.Int[0,
            6]);
        gen.Sample(sample =>
        {
            var (at, which, times, deleted) = sample;
            var cut = Math.Min(deleted, baseText.Length - at);
            var text = baseText.Remove(at, cut).Insert(at, string.Concat(Enumerable.Repeat(insertions[which], times)));
            tally.Compare(text);
        }, iter: 20_000);
        tally.AssertMostCleanTextsRead();
    }

    [Fact]
    public void Random_lines_of_block_yaml_read_the_same_as_yamldotnet_or_give_up()
    {
        string[] shapes =
        {
            "k: v", "k:", "- v", "-", "- k: v", "- k:", "k: [a, b]", "k: []", "'k': 'v'", "\"k\": \"v\"", "# c", "",
                "k: v # c", "k: a b c",
            "k: 'a''b'", "- [a]", "- 'v'", "k:  v  ", "-  k: v", "k : v",
            "k: {a: 1, b: 'x'}", "- {a: 1}", "k: { }", "k: {a: 1 , \"b\" : 2}", "- { k: v }",
        };
        var line = Gen.Select(Gen.Int[0, 8], Gen.Int[0, shapes.Length - 1], Gen.Int[0, 3])
            .Select(t => new string(' ', t.Item1) + shapes[t.Item2].Replace("k", "k" + t.Item3,
                StringComparison.Ordinal));
        var tally = new Tally();
        line.Array[1, 12].Sample(lines =>
        {
            var text = string.Join('\n', lines) + "\n";
            tally.Compare(text);
        }, iter: 20_000);
        tally.AssertMostCleanTextsRead();
    }

    private static string YamlDotNetDump(string text) =>
        SyntaxDump.Of(SyntaxTree.ParseWithYamlDotNet(new SourceText(text), int.MaxValue));

    private static string Dump(string text, DocumentSyntax document) =>
        SyntaxDump.Of(new SyntaxTree(new SourceText(text), new[] { document }, Array.Empty<SyntaxError>()));

    /// <summary>Each item of the top-level lists: from its dash line's start to the next line at its level or
    /// above.</summary>
    private static IEnumerable<TextSpan> Items(string text)
    {
        var lines = Regex.Matches(text, "^.*(\n|$)", RegexOptions.Multiline).Select(match => (match.Index,
            Line: match.Value)).ToArray();
        var starts = lines.Where(line => line.Line.StartsWith("  - ", StringComparison.Ordinal)).Select(line =>
            line.Index).ToArray();
        for (var i = 0; i < starts.Length; i++)
        {
            var next = lines.FirstOrDefault(line => line.Index > starts[i] && line.Line.Length > 0
                && line.Line[0] != ' ' && line.Line[0] != '\n' && line.Line[0] != '#');
            var stop = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            if (next.Line is not null && next.Index < stop)
            {
                stop = next.Index;
            }
            yield return TextSpan.FromBounds(starts[i], stop);
        }
    }

    private static IEnumerable<string> Corpus()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml",
            SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return File.ReadAllText(file);
        }
        var pages = Directory.GetFiles(RepositoryPaths.RuleDocs, "*.md")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "guidance"), "*.md"));
        foreach (var page in pages.Order(StringComparer.Ordinal))
        {
            foreach (Match block in Regex.Matches(File.ReadAllText(page), "```yaml\n(.*?)```", RegexOptions.Singleline))
            {
                yield return block.Groups[1].Value;
            }
        }
    }

    /// <summary>Compares the two readers on random texts and counts what each read, so a comparison cannot pass by
    /// giving up on everything.</summary>
    private sealed class Tally
    {
        private int read;
        private int clean;

        public void Compare(string text)
        {
            var expected = SyntaxTree.ParseWithYamlDotNet(new SourceText(text), int.MaxValue);
            if (expected is { Errors.Count: 0, Documents.Count: 1, HasAnchors: false })
            {
                Interlocked.Increment(ref clean);
            }
            if (BlockYamlReader.TryRead(text, 0, text.Length, enclosingDepth: 0) is { } document)
            {
                Interlocked.Increment(ref read);
                Assert.Equal(SyntaxDump.Of(expected), Dump(text, document));
            }
        }

        /// <summary>The reader reads at least three in four of the texts YamlDotNet reads cleanly as one
        /// document.</summary>
        public void AssertMostCleanTextsRead() => Assert.True(read * 4 >= clean * 3,
            $"read {read} of the {clean} clean texts");
    }
}
