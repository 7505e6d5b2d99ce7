using CacheSpec.Analysis;
using CacheSpec.Tests.Support;
using CsCheck;

namespace CacheSpec.Tests;

/// <summary>
/// Mutates the examples at random (delete, insert, swap and duplicate lines, tabs, unicode, deep nesting, truncation)
/// and checks that the engine never throws and that every diagnostic's range lies inside its document. Broken YAML is
/// the normal case while typing.
/// </summary>
public class PropertyTests
{
    private static readonly string[] Seeds = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml",
        SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly string[] Fragments =
    {
        "\t", "  ", "- ", ": ", "---\n", "...\n", "[", "]", "{", "}", "&a ", "*a", "!!str ", "\"", "'", "#", "|\n",
            ">-\n", "? ", "\0", "\r",
        "\r\n", "😀", "é", "\u2028", "\uFEFF", "\uD800", "caches:", "  - name: x", "isolation:", "vnetInjection:",
            "10.0.0.0/33", "- - - - -",
        new string('[', 200), new string(' ', 300) + "a: b", "%TAG ! tag:x,2000:\n", "&anchor [*anchor]",
    };

    private static readonly Gen<string> Mutated =
        from seed in Gen.Int[0, Seeds.Length - 1]
        from operations in Gen.Int[1, 6]
        from seedValue in Gen.Int
        select Mutate(Seeds[seed], operations, seedValue);

    [Fact]
    public void The_engine_never_throws_and_ranges_stay_inside_the_document()
    {
        Assert.NotEmpty(Seeds);
        Mutated.Sample(text =>
        {
            var result = SpecAnalyzer.Analyze(new[] { ("mutated.cachespec.yaml", text) });
            var lines = text.Split('\n');
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.InRange(diagnostic.Span.Start, 0, text.Length);
                Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, text.Length);
                Assert.True(diagnostic.Range.Start.CompareTo(diagnostic.Range.End) <= 0);
                Assert.NotEqual("internal-error", diagnostic.Code);
            }
        }, iter: 10_000, threads: 1);
    }

    internal static string Mutate(string text, int operations, int seed)
    {
        var random = new Random(seed);
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < operations; i++)
        {
            var at = random.Next(Math.Max(1, lines.Count));
            switch (random.Next(8))
            {
                case 0 when lines.Count > 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when lines.Count > 1:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3 when lines.Count > 0:
                    var line = lines[at];
                    var position = random.Next(line.Length + 1);
                    lines[at] = line[..position] + Fragments[random.Next(Fragments.Length)] + line[position..];
                    break;
                case 4 when lines.Count > 0:
                    lines[at] = lines[at].Replace("  ", "\t");
                    break;
                case 5:
                    var depth = random.Next(1, 2000);
                    lines.Insert(at, string.Concat(Enumerable.Range(0, depth).Select(d => new string(' ', d % 40)
                        + "- ")) + "x");
                    break;
                case 6 when lines.Count > 0:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                default:
                    var joined = string.Join('\n', lines);
                    var cut = random.Next(joined.Length + 1);
                    lines = joined[..cut].Split('\n').ToList();
                    break;
            }
        }
        return string.Join('\n', lines);
    }
}
