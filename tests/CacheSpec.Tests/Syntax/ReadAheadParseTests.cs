using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;
using CsCheck;

namespace CacheSpec.Tests.Syntax;

/// <summary>
/// A large text is scanned by YamlDotNet on a second core while the tree is built from the events already read. The
/// tree must be exactly the one read on one core: same nodes, spans, errors and limits, also when the parser fails
/// half-way, when reading stops at the depth limit, and when it resumes at a later document. Forced both ways here,
/// whatever the text's size.
/// </summary>
public class ReadAheadParseTests
{
    private static readonly string Middle = "  - name: cache-35\n";

    public static TheoryData<string> Cases() => new()
    {
        "examples",
        "generated",
        "syntax error half-way",
        "tab half-way",
        "too deep half-way",
        "forbidden character",
        "error in the first of three documents",
        "anchors and aliases",
        "ten thousand levels",
        "empty",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_ahead_builds_the_tree_read_on_one_core(string name)
    {
        foreach (var text in Texts(name))
        {
            var oneCore = SyntaxDump.Of(SyntaxTree.ParseWithYamlDotNet(new SourceText(text), int.MaxValue));
            // Several rounds: the reader thread and the tree race differently each time.
            for (var round = 0; round < 5; round++)
            {
                Assert.Equal(oneCore, SyntaxDump.Of(SyntaxTree.ParseWithYamlDotNet(new SourceText(text), 0)));
            }
        }
    }

    [Fact]
    public void Random_edits_of_a_spec_read_the_same_both_ways()
    {
        var baseText = Specs.ManyCaches(30);
        string[] insertions = { "[", "]", "{", "\t", "\"", "'", ": ", "- ", "\n", "&a ", "*a ", "*b ", "---\n", "...\n",
            "%", "\0", "? ", "|\n", "#", "x" };
        Gen.Select(Gen.Int[0, baseText.Length], Gen.Int[0, insertions.Length - 1], Gen.Int[1, 4]).Sample(sample =>
        {
            var (at, which, times) = sample;
            var text = baseText.Insert(at, string.Concat(Enumerable.Repeat(insertions[which], times)));
            Assert.Equal(SyntaxDump.Of(SyntaxTree.ParseWithYamlDotNet(new SourceText(text), int.MaxValue)),
                SyntaxDump.Of(SyntaxTree.ParseWithYamlDotNet(new SourceText(text), 0)));
        }, iter: 1_500);
    }

    private static IEnumerable<string> Texts(string name)
    {
        var generated = Specs.ManyCaches(70);
        return name switch
        {
            "examples" => Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).Select(File.ReadAllText),
            "generated" => new[] { generated },
            "syntax error half-way" => new[] { generated.Replace(Middle, Middle + "    zones: [1, 2\n",
                StringComparison.Ordinal) },
            "tab half-way" => new[] { generated.Replace(Middle, Middle + "\t  tier: Basic\n",
                StringComparison.Ordinal) },
            "too deep half-way" => new[] { generated.Replace(Middle, Middle + "    deep: " + new string('[', 80)
                + new string(']', 80) + "\n", StringComparison.Ordinal) },
            "forbidden character" => new[] { generated.Replace(Middle, Middle + "    region: west\u0001europe\n",
                StringComparison.Ordinal) },
            "error in the first of three documents" => new[]
            {
                generated.Replace(Middle, Middle + "    zones: [1, 2\n", StringComparison.Ordinal) + "---\n"
                    + Specs.ManyCaches(5) + "---\n" + Specs.ManyCaches(3),
            },
            "anchors and aliases" => new[] { generated.Replace("  - name: cache-1\n", "  - &first name: cache-1\n",
                StringComparison.Ordinal) + "extra: *first\n" },
            "ten thousand levels" => new[] { "a: " + new string('[', 10_000) + new string(']', 10_000) + "\n",
                string.Concat(Enumerable.Range(0, 2_000).Select(depth => new string(' ', depth) + "k:\n")) },
            "empty" => new[] { string.Empty, "\n", "# only a comment\n" },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
