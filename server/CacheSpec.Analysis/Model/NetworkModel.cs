using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class NetworkModel
{
    private SpecDocument document = null!;

    public required SpecDocument Document { get => document; init => document = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    /// <summary>Every address space entry as written; the invalid-cidr rule reads these.</summary>
    public IReadOnlyList<Located<string>> AddressSpaceText { get; init; } = Array.Empty<Located<string>>();

    /// <summary>The address space entries that are valid prefixes.</summary>
    public IReadOnlyList<Located<Cidr>> AddressSpace { get; init; } = Array.Empty<Located<Cidr>>();
    public IReadOnlyList<Located<Ipv4Address>> DnsServers { get; init; } = Array.Empty<Located<Ipv4Address>>();
    public IReadOnlyList<SubnetModel> Subnets { get; set; } = Array.Empty<SubnetModel>();

    /// <summary>The peerings this network declares (v1.1); one side of a peering is enough to declare it.</summary>
    public IReadOnlyList<PeeringModel> Peerings { get; init; } = Array.Empty<PeeringModel>();

    /// <summary>Azure (absent) or on-premises (v1.1).</summary>
    public Located<NetworkKind>? Kind { get; init; }

    /// <summary>The Azure networks whose gateway an on-premises network connects to (v1.1).</summary>
    public IReadOnlyList<Located<string>> ConnectedTo { get; init; } = Array.Empty<Located<string>>();

    /// <summary>The zones an on-premises network's DNS servers forward to an Azure resolver (v1.1).</summary>
    public IReadOnlyList<Located<string>> DnsForwarding { get; init; } = Array.Empty<Located<string>>();

    public bool IsOnPremises => Kind?.Value == NetworkKind.OnPremises;

    public bool ContainsAddresses(Ipv4Range range) => AddressSpace.Any(space => space.Value.Range.Contains(range));

    /// <summary>
    /// This network in the next version of its document, for a network whose syntax an edit left as it was (see
    /// <see cref="SpecBinder"/>).
    /// </summary>
    internal NetworkModel MovedTo(SpecDocument newDocument)
    {
        var copy = (NetworkModel)MemberwiseClone();
        copy.document = newDocument;
        copy.Subnets = Subnets.Select(subnet => subnet.MovedTo(copy)).ToArray();
        return copy;
    }
}
