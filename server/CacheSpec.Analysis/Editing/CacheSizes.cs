using System.Collections.Frozen;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Editing;

/// <summary>The memory of each cache size (GB, as the pricing tiers list it), to move a cache to the size of another tier closest in memory.</summary>
internal static class CacheSizes
{
    private static readonly FrozenDictionary<string, double> MemoryGb = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["C0"] = 0.25, ["C1"] = 1, ["C2"] = 2.5, ["C3"] = 6, ["C4"] = 13, ["C5"] = 26, ["C6"] = 53,
        ["P1"] = 6, ["P2"] = 13, ["P3"] = 26, ["P4"] = 53, ["P5"] = 120,
        ["E1"] = 1, ["E5"] = 4, ["E10"] = 12, ["E20"] = 25, ["E50"] = 50, ["E100"] = 100, ["E200"] = 200, ["E400"] = 400,
        ["F300"] = 384, ["F700"] = 715, ["F1500"] = 1455,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The candidate closest in memory (on a log scale; the smaller one on a tie); null when the size is unknown.</summary>
    public static string? Closest(string size, IReadOnlyList<string> candidates)
    {
        if (!MemoryGb.TryGetValue(size, out var memory))
        {
            return null;
        }
        return candidates.Where(MemoryGb.ContainsKey)
            .OrderBy(candidate => Math.Abs(Math.Log2(MemoryGb[candidate] / memory)))
            .ThenBy(candidate => MemoryGb[candidate])
            .FirstOrDefault();
    }

    /// <summary>The Premium size for a cache that moves to Premium: the one closest in memory, P1 when the size is unknown.</summary>
    public static string PremiumFor(string? size) =>
        size is not null && Closest(size, SpecFormat.PremiumSizes) is { } premium ? premium : SpecFormat.PremiumSizes[0];
}
