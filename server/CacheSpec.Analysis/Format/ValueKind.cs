namespace CacheSpec.Analysis.Format;

/// <summary>
/// What a scalar field holds; the kinds with a text form (CIDR, address, reference) are strings with a pattern.
/// </summary>
public enum ValueKind
{
    String,
    Integer,
    Boolean,
    Enum,
    Cidr,
    IpAddress,
    Port,
    SubnetReference,
    NsgReference,
    CacheReference,

    /// <summary>
    /// An NSG rule's source or destination: CIDR, IPv4 address, service tag, subnet reference or "*".
    /// </summary>
    AddressSelector,

    /// <summary>The name of a network of the model (format v1.1: peerings, connections, zone links).</summary>
    NetworkReference,

    /// <summary>
    /// Where a client of a cache stands (format v1.1): a subnet reference, a network name, or an IPv4 CIDR or address.
    /// </summary>
    ClientSource,

    /// <summary>
    /// The source of an Azure Managed Redis firewall rule (format v1.1): an IPv4 address, a CIDR or a service tag.
    /// </summary>
    FirewallSource,

    /// <summary>A calendar date written yyyy-MM-dd (format v1.1).</summary>
    Date,
}
