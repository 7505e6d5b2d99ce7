namespace CacheSpec.Analysis.Network;

/// <summary>Address ranges Azure does not allow in a virtual network.</summary>
public static class ReservedRanges
{
    public static IReadOnlyList<(Cidr Range, string Purpose)> All { get; } = new[]
    {
        (Parse("224.0.0.0/4"), "multicast"),
        (Parse("255.255.255.255/32"), "broadcast"),
        (Parse("127.0.0.0/8"), "loopback"),
        (Parse("169.254.0.0/16"), "link-local"),
        (Parse("168.63.129.16/32"), "Azure's internal DNS and health probe address"),
    };

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

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new InvalidOperationException(text);
}
