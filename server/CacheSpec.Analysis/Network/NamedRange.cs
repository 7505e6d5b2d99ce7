namespace CacheSpec.Analysis.Network;

/// <summary>A subnet as a flow's far end: its reference ("network/subnet") and its prefix.</summary>
public sealed record NamedRange(string Name, Cidr Prefix)
{
    public Ipv4Range Range => Prefix.Range;

    /// <summary>How a message names it: <c>saltmarsh-neu/redis (10.31.1.0/27)</c>.</summary>
    public override string ToString() => $"{Name} ({Prefix})";
}
