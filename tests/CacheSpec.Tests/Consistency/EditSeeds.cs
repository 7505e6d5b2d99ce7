using CacheSpec.Benchmarks;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Consistency;

/// <summary>
/// The specs editing sessions start from: every example, specs from the benchmark generator, and variants that stress
/// positions (CRLF and mixed line breaks, emoji and other non-ASCII text, several documents in one file, suppression
/// comments).
/// </summary>
internal static class EditSeeds
{
    /// <summary>Specs small enough for a session over the protocol to stay quick.</summary>
    public const int SmallLength = 2_400;

    public static IReadOnlyList<(string Name, string Text)> All { get; } = Load();

    /// <summary>Indexes into <see cref="All"/> of the specs no longer than <see cref="SmallLength"/>.</summary>
    public static IReadOnlyList<int> Small { get; } = Enumerable.Range(0, All.Count).Where(index => All[index]
        .Text.Length <= SmallLength).ToArray();

    private static List<(string Name, string Text)> Load()
    {
        var seeds = Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(RepositoryPaths.Examples, path).Replace('\\', '/'),
                File.ReadAllText(path).Replace("\r\n", "\n")))
            .ToList();
        foreach (var caches in new[] { 1, 2 })
        {
            seeds.Add(($"generated-{caches}", SpecGenerator.Generate(caches, seed: 7 + caches)));
        }
        seeds.AddRange(SpecGenerator.GenerateWorkspace(caches: 3, files: 2, seed: 11).Select(file => ("generated/"
            + file.Path, file.Text)));
        string Example(string name) => seeds.Single(seed => seed.Item1 == name).Item2;
        var firewall = Example("firewall.cachespec.yaml");
        var payments = Example("workspace/payments.cachespec.yaml");
        seeds.Add(("firewall, CRLF", firewall.Replace("\n", "\r\n")));
        seeds.Add(("payments, mixed line breaks", MixLineBreaks(payments)));
        seeds.Add(("payments, emoji", payments
            .Replace("card tokenisation sessions",
                "card 😀 tokenisation sessions (café, 中文, 👩‍👩‍👧)")
            .Replace("through Private Link", "through Private Link 🔒é")));
        seeds.Add(("payments, emoji, CRLF", seeds[^1].Item2.Replace("\n", "\r\n")));
        seeds.Add(("payments --- firewall", payments + "---\n" + firewall));
        seeds.Add(("firewall, suppressed", firewall.Replace("  - name: ",
            "  # cachespec-disable-next-line public-access-unset\n  - name: ")));
        return seeds;
    }

    /// <summary>Alternates "\n", "\r\n" and a lone "\r" (which LSP also counts as a line break).</summary>
    private static string MixLineBreaks(string text)
    {
        var lines = text.Split('\n');
        return string.Concat(lines.Select((line, index) => index == lines.Length - 1 ? line : line + (index % 7 == 3
            ? "\r" : index % 2 == 0 ? "\r\n" : "\n")));
    }
}
