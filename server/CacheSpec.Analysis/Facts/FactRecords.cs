namespace CacheSpec.Analysis.Facts;

/// <summary>
/// Where a fact comes from: an id of the sources listed in docs/guidance/overview.md, the date of that source or of the
/// check.
/// </summary>
public sealed record FactSource(string Id, DateOnly Date, bool Unconfirmed);

/// <summary>
/// A tier: the service it belongs to (which decides its private endpoints), its size family, when it retires (null:
/// no retirement announced).
/// </summary>
public sealed record TierFact(string Name, string Service, string SizeFamily, DateOnly? Retires, FactSource Source);

/// <summary>A Redis service's Private Link sub-resource (groupId).</summary>
public sealed record ServiceFact(string Name, string GroupId, FactSource Source);

/// <summary>
/// An Azure cloud (the names of the Azure CLI's clouds: AzureCloud, AzureUSGovernment, AzureChinaCloud) and the private
/// DNS zone of each Redis service's endpoints there. A service without a documented zone in a cloud is absent. A zone
/// documented later than the row's other zones has its own source in <see cref="ZoneSources"/>.
/// </summary>
public sealed record CloudFact(string Name, IReadOnlyDictionary<string, string> PrivateDnsZones, FactSource Source)
{
    public IReadOnlyDictionary<string, FactSource> ZoneSources { get; init; } = new Dictionary<string, FactSource>();
}

/// <summary>
/// A cache size, its family (the letter it starts with) and its memory (null for the generated Azure Managed Redis
/// sizes, whose memory the catalog does not record).
/// </summary>
public sealed record SizeFact(string Name, string Family, double? MemoryGb, FactSource Source);

/// <summary>
/// A service tag an NSG rule may name: whether its addresses are public (the Internet tag covers them) and whether it
/// is one of Azure's services (AzureCloud covers them).
/// </summary>
public sealed record ServiceTagFact(string Name, bool IsPublic, bool IsAzureService, FactSource Source);

/// <summary>
/// The least and the greatest value Azure accepts for a number of the format (shards, replicas, NSG rule priorities).
/// </summary>
public sealed record LimitFact(string Name, long Minimum, long Maximum, FactSource Source);

/// <summary>An address range Azure does not allow in a virtual network, as a prefix text, and what it is for.</summary>
public sealed record ReservedRangeFact(string Prefix, string Purpose, FactSource Source);

/// <summary>
/// A row of a guidance profile's NSG table for a VNet-injected cache (nsg-2020-10.json, nsg-current.json): direction
/// (Inbound or Outbound), protocol (Tcp, Udp or Any), ports ("443", "13000-13999"; one or more), the local end (always
/// "redisSubnet") and the remote end: a service tag, "*" (any address), "redisSubnet", "virtualNetwork" (the network's
/// address space), "clientSubnets" (the subnets of the cache's clients), "dnsServers" (each custom DNS server) or
/// "geoReplicaSubnets" (each linked geo-replica's subnet), and what the flow is for.
/// </summary>
public sealed record NsgTableRow(string Direction, string Protocol, IReadOnlyList<string> Ports, string Local,
    string Remote, string Purpose, FactSource Source);
