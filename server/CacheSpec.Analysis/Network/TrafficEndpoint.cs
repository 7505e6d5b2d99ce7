using System.Collections.Frozen;
using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// One end of a flow the cache needs: either addresses (a subnet, the virtual network, a DNS server), an Azure service
/// known only by its service tag, or a choice of subnets of which any one will do (<see cref="AnyOf"/>: the client
/// subnets the spec cannot name yet).
/// </summary>
public sealed record TrafficEndpoint(string Description, IReadOnlyList<Ipv4Range> Ranges, string? ServiceTag)
{
    /// <summary>Service tags whose addresses are public, so the Internet tag covers them.</summary>
    public static readonly IReadOnlySet<string> PublicServiceTags =
        AzureFacts.Catalog.ServiceTags.Where(tag => tag.IsPublic).Select(tag => tag.Name)
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Service tags that AzureCloud, the tag of all Azure's public addresses, also covers.</summary>
    public static readonly IReadOnlySet<string> AzureServiceTags =
        AzureFacts.Catalog.ServiceTags.Where(tag => tag.IsAzureService).Select(tag => tag.Name)
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The subnet the endpoint is, when it is one subnet of the model.</summary>
    public NamedRange? Subnet { get; init; }

    /// <summary>
    /// Endpoints of which reaching any one is enough; empty for an endpoint that must be reached whole.
    /// </summary>
    public IReadOnlyList<TrafficEndpoint> AnyOf { get; init; } = [];

    public static TrafficEndpoint Service(string tag, string description) =>
        new(description, Array.Empty<Ipv4Range>(), tag);

    public static TrafficEndpoint Addresses(string description, params Ipv4Range[] ranges) =>
        new(description, ranges, null);

    public static TrafficEndpoint OfSubnet(string description, NamedRange subnet) =>
        new(description, [subnet.Range], null) { Subnet = subnet };

    /// <summary>
    /// Whether the addresses of one tag include all those of another: the same tag, Internet for a public tag,
    /// AzureCloud for an Azure service's tag.
    /// </summary>
    public static bool TagCovers(string outer, string inner) =>
        outer == inner || (outer == "Internet" && PublicServiceTags.Contains(inner))
        || (outer == "AzureCloud" && AzureServiceTags.Contains(inner));
}
