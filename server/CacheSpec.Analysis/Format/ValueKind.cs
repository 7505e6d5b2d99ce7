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
}
