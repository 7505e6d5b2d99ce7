using System.Collections.Frozen;
using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// One end of a flow the cache needs: either addresses (a subnet, the virtual network, a DNS server)
/// or an Azure service known only by its service tag.
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

    public static TrafficEndpoint Service(string tag, string description) =>
        new(description, Array.Empty<Ipv4Range>(), tag);

    public static TrafficEndpoint Addresses(string description, params Ipv4Range[] ranges) =>
        new(description, ranges, null);
}
