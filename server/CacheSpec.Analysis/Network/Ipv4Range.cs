namespace CacheSpec.Analysis.Network;

/// <summary>An inclusive range of IPv4 addresses.</summary>
public readonly record struct Ipv4Range(Ipv4Address First, Ipv4Address Last)
{
    public static readonly Ipv4Range All = new(new Ipv4Address(0), new Ipv4Address(uint.MaxValue));

    public ulong Count => (ulong)Last.Value - First.Value + 1;

    public bool Contains(Ipv4Address address) => address.Value >= First.Value && address.Value <= Last.Value;

    public bool Contains(Ipv4Range other) => other.First.Value >= First.Value && other.Last.Value <= Last.Value;

    public bool Overlaps(Ipv4Range other) => First.Value <= other.Last.Value && other.First.Value <= Last.Value;

    public override string ToString() => First == Last ? First.ToString() : $"{First}-{Last}";
}
