namespace CacheSpec.Analysis.Network;

/// <summary>An NSG rule's source or destination once resolved: any address, a service tag, or address ranges.</summary>
public sealed record AddressSelector(bool IsAny, string? Tag, IReadOnlyList<Ipv4Range> Ranges)
{
    public static readonly AddressSelector Any = new(true, null, Array.Empty<Ipv4Range>());

    public static AddressSelector ForTag(string tag) => new(false, tag, Array.Empty<Ipv4Range>());

    public static AddressSelector ForRanges(params Ipv4Range[] ranges) =>
        ranges.Length == 1 && ranges[0] == Ipv4Range.All ? Any : new(false, null, ranges);
}
