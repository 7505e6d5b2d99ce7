using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>Address ranges Azure does not allow in a virtual network.</summary>
public static class ReservedRanges
{
    public static IReadOnlyList<(Cidr Range, string Purpose)> All { get; } =
        AzureFacts.Catalog.ReservedRanges.Select(range => (Parse(range.Prefix), range.Purpose)).ToArray();

    /// <summary>The first reserved range the given one overlaps, if any.</summary>
    public static (Cidr Range, string Purpose)? FirstOverlap(Ipv4Range range)
    {
        foreach (var reserved in All)
        {
            if (reserved.Range.Range.Overlaps(range))
            {
                return reserved;
            }
        }
        return null;
    }

    private static Cidr Parse(string text) =>
        Cidr.TryParse(text, out var cidr) ? cidr : throw new InvalidOperationException(text);
}
