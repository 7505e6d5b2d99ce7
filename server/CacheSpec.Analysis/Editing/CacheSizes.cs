using System.Collections.Frozen;
using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Format;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// The memory of each cache size (GB, from the facts catalog), to move a cache to the size of another tier closest in
/// memory.
/// </summary>
internal static class CacheSizes
{
    private static readonly FrozenDictionary<string, double> MemoryGb =
        AzureFacts.Catalog.Sizes.Where(size => size.MemoryGb is not null)
            .ToFrozenDictionary(size => size.Name, size => size.MemoryGb!.Value, StringComparer.Ordinal);

    /// <summary>
    /// The candidate closest in memory (on a log scale; the smaller one on a tie); null when the size is unknown.
    /// </summary>
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

    /// <summary>
    /// The Premium size for a cache that moves to Premium: the one closest in memory, P1 when the size is unknown.
    /// </summary>
    public static string PremiumFor(string? size) =>
        size is not null && Closest(size, SpecFormat.PremiumSizes) is { } premium ? premium
            : SpecFormat.PremiumSizes[0];
}
