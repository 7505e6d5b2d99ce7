using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class NetworkModel
{
    public required SpecDocument Document { get; init; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    /// <summary>Every address space entry as written; the invalid-cidr rule reads these.</summary>
    public IReadOnlyList<Located<string>> AddressSpaceText { get; init; } = Array.Empty<Located<string>>();

    /// <summary>The address space entries that are valid prefixes.</summary>
    public IReadOnlyList<Located<Cidr>> AddressSpace { get; init; } = Array.Empty<Located<Cidr>>();
    public IReadOnlyList<Located<Ipv4Address>> DnsServers { get; init; } = Array.Empty<Located<Ipv4Address>>();
    public IReadOnlyList<SubnetModel> Subnets { get; set; } = Array.Empty<SubnetModel>();

    public bool ContainsAddresses(Ipv4Range range) => AddressSpace.Any(space => space.Value.Range.Contains(range));
}
