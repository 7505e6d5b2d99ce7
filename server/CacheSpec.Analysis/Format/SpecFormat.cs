using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// The cache isolation spec format v1 (v1.1: v1 and the keys added to it, all optional), as data: the twin of
/// schemas/cachespec.schema.json (a test holds the two equal). Validation, completion and hover all read this one
/// definition.
/// </summary>
public static class SpecFormat
{
    public const string ApiVersion = "cachespec/v1";
    public const string Kind = "CacheIsolationSpec";

    public const string NamePattern = "^[A-Za-z0-9]([A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$";
    public const string SubnetReferencePattern =
        "^[A-Za-z0-9]([A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?/[A-Za-z0-9]([A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$";
    public const string CidrPattern = @"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,2}$";
    public const string IpAddressPattern = @"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$";
    public const string PortPattern = @"^(\*|\d{1,5}(-\d{1,5})?)$";
    public const string DnsZonePattern =
        @"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
    public const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    public static IReadOnlyList<string> Tiers { get; } = AzureFacts.Catalog.Tiers.Select(tier => tier.Name).ToArray();

    public static IReadOnlyList<string> BasicStandardSizes { get; } = AzureFacts.Catalog.SizesOfFamily("C");

    public static IReadOnlyList<string> PremiumSizes { get; } = AzureFacts.Catalog.SizesOfFamily("P");

    public static IReadOnlyList<string> EnterpriseSizes { get; } = AzureFacts.Catalog.SizesOfFamily("E");

    public static IReadOnlyList<string> EnterpriseFlashSizes { get; } = AzureFacts.Catalog.SizesOfFamily("F");

    public static IReadOnlyList<string> ServiceTags { get; } = AzureFacts.Catalog.ServiceTags.Select(tag => tag.Name)
        .ToArray();

    public static ScalarType Name { get; } = new(ValueKind.String) { Pattern = NamePattern };

    /// <summary>A network named by another key (v1.1).</summary>
    public static ScalarType NetworkReference { get; } = new(ValueKind.NetworkReference) { Pattern = NamePattern };

    /// <summary>A DNS zone name such as privatelink.redis.cache.windows.net (v1.1).</summary>
    public static ScalarType DnsZone { get; } = new(ValueKind.String) { Pattern = DnsZonePattern };

    /// <summary>The long form of a peering (v1.1); the short form is the network's name alone.</summary>
    public static ObjectType Peering { get; } = new("peering",
        new FieldDefinition("network", NetworkReference, Required: true),
        new FieldDefinition("useRemoteGateways", Boolean()));

    public static ObjectType Route { get; } = new("route",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("addressPrefix", Cidr(), Required: true),
        new FieldDefinition("nextHop", Enum("Internet", "VirtualAppliance", "VirtualNetworkGateway", "None"),
            Required: true));

    public static ObjectType Subnet { get; } = new("subnet",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("addressPrefix", Cidr(), Required: true),
        new FieldDefinition("networkSecurityGroup", new ScalarType(ValueKind.NsgReference) { Pattern = NamePattern }),
        new FieldDefinition("natGateway", Boolean()),
        new FieldDefinition("privateEndpointNetworkPolicies", Enum("Enabled", "Disabled")),
        new FieldDefinition("otherResources", new ListType(new ScalarType(ValueKind.String))),
        new FieldDefinition("routes", new ListType(Route)));

    public static ObjectType VirtualNetwork { get; } = new("network",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("region", new ScalarType(ValueKind.String)),
        new FieldDefinition("addressSpace", new ListType(Cidr()), Required: true),
        new FieldDefinition("dnsServers",
            new ListType(new ScalarType(ValueKind.IpAddress) { Pattern = IpAddressPattern })),
        new FieldDefinition("subnets", new ListType(Subnet)),
        new FieldDefinition("peerings", new ListType(new UnionType(NetworkReference, Peering))),
        new FieldDefinition("kind", Enum("azure", "onPremises")),
        new FieldDefinition("connectedTo", new ListType(NetworkReference)),
        new FieldDefinition("dnsForwarding", new ListType(DnsZone)));

    /// <summary>A private DNS zone and the networks linked to it (v1.1).</summary>
    public static ObjectType PrivateDnsZone { get; } = new("privateDnsZone",
        new FieldDefinition("name", DnsZone, Required: true),
        new FieldDefinition("virtualNetworkLinks", new ListType(NetworkReference)));

    public static ObjectType SecurityRule { get; } = new("securityRule",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("priority", Integer("nsgRulePriority"), Required: true),
        new FieldDefinition("direction", Enum("Inbound", "Outbound"), Required: true),
        new FieldDefinition("access", Enum("Allow", "Deny"), Required: true),
        new FieldDefinition("protocol", Enum("Tcp", "Udp", "Icmp", "*"), Required: true),
        new FieldDefinition("source", new ScalarType(ValueKind.AddressSelector), Required: true),
        new FieldDefinition("destination", new ScalarType(ValueKind.AddressSelector), Required: true),
        new FieldDefinition("destinationPorts", new ListType(new ScalarType(ValueKind.Port) { Pattern = PortPattern }),
            Required: true));

    public static ObjectType NetworkSecurityGroup { get; } = new("networkSecurityGroup",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("rules", new ListType(SecurityRule)));

    public static ObjectType Tls { get; } = new("tls",
        new FieldDefinition("minimumVersion", Enum("1.0", "1.1", "1.2")),
        new FieldDefinition("nonSslPort", Boolean()));

    public static ObjectType Persistence { get; } = new("persistence",
        new FieldDefinition("mode", Enum("none", "rdb", "aof"), Required: true),
        new FieldDefinition("storageFirewall", Boolean()),
        new FieldDefinition("authentication", Enum("sas", "managedIdentity")));

    public static ObjectType GeoReplication { get; } = new("geoReplication",
        new FieldDefinition("linkedCache", new ScalarType(ValueKind.CacheReference) { Pattern = NamePattern },
            Required: true),
        new FieldDefinition("role", Enum("primary", "secondary"), Required: true));

    public static ObjectType PrivateEndpoint { get; } = new("privateEndpoint",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("subnet", new ScalarType(ValueKind.SubnetReference) { Pattern = SubnetReferencePattern },
            Required: true),
        new FieldDefinition("groupId", new ScalarType(ValueKind.String)),
        new FieldDefinition("privateDnsZone", new ScalarType(ValueKind.String)));

    public static ObjectType VnetInjection { get; } = new("vnetInjection",
        new FieldDefinition("subnet", new ScalarType(ValueKind.SubnetReference) { Pattern = SubnetReferencePattern },
            Required: true),
        new FieldDefinition("staticIp", new ScalarType(ValueKind.IpAddress) { Pattern = IpAddressPattern }));

    /// <summary>
    /// A firewall rule: a range (startIp and endIp, v1) or, on Azure Managed Redis, a source (v1.1); exactly one of
    /// the two forms.
    /// </summary>
    public static ObjectType FirewallRule { get; } = new("firewallRule",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("startIp", FirewallAddress()),
        new FieldDefinition("endIp", FirewallAddress()),
        new FieldDefinition("source", new ScalarType(ValueKind.FirewallSource)))
    {
        Forms = [["startIp", "endIp"], ["source"]],
    };

    public static ObjectType Isolation { get; } = new("isolation",
        new FieldDefinition("publicNetworkAccess", Enum("Enabled", "Disabled")),
        new FieldDefinition("privateEndpoints", new ListType(PrivateEndpoint)),
        new FieldDefinition("vnetInjection", VnetInjection),
        new FieldDefinition("firewallRules", new ListType(FirewallRule)));

    /// <summary>Who must reach a cache, and from where (v1.1).</summary>
    public static ObjectType Client { get; } = new("client",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("from", new ScalarType(ValueKind.ClientSource), Required: true));

    /// <summary>What a cache must offer (v1.1); no rule reads it yet.</summary>
    public static ObjectType Requirements { get; } = new("requirements",
        new FieldDefinition("internetAccess", Enum("none", "allowList", "open")),
        new FieldDefinition("geoReplication", Boolean()),
        new FieldDefinition("clustering", Boolean()),
        new FieldDefinition("onPremisesClients", Boolean()),
        new FieldDefinition("persistenceToFirewalledStorage", Boolean()),
        new FieldDefinition("maxTier", Enum(Tiers.ToArray())),
        new FieldDefinition("supportedUntil", new ScalarType(ValueKind.Date) { Pattern = DatePattern }));

    public static ObjectType Cache { get; } = new("cache",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("tier", Enum(Tiers.ToArray()), Required: true),
        new FieldDefinition("size", Enum(AzureFacts.Catalog.Sizes.Select(size => size.Name).ToArray()), Required: true),
        new FieldDefinition("region", new ScalarType(ValueKind.String)),
        new FieldDefinition("shardCount", Integer("shardCount")),
        new FieldDefinition("replicasPerPrimary", Integer("replicasPerPrimary")),
        new FieldDefinition("zones", new ListType(Enum("1", "2", "3"))),
        new FieldDefinition("redisVersion", Enum("4", "6", "latest")),
        new FieldDefinition("tls", Tls),
        new FieldDefinition("disableAccessKeyAuthentication", Boolean()),
        new FieldDefinition("entraAuthentication", Boolean()),
        new FieldDefinition("persistence", Persistence),
        new FieldDefinition("geoReplication", GeoReplication),
        new FieldDefinition("isolation", Isolation, Required: true),
        new FieldDefinition("clusteringPolicy", Enum("OSSCluster", "EnterpriseCluster", "NoCluster")),
        new FieldDefinition("highAvailability", Boolean()),
        new FieldDefinition("clients", new ListType(Client)),
        new FieldDefinition("requirements", Requirements));

    public static ObjectType Metadata { get; } = new("metadata",
        new FieldDefinition("name", Name, Required: true),
        new FieldDefinition("description", new ScalarType(ValueKind.String)));

    public static ObjectType Root { get; } = new("spec",
        new FieldDefinition("apiVersion", Enum(ApiVersion), Required: true),
        new FieldDefinition("kind", Enum(Kind), Required: true),
        new FieldDefinition("guidance", Enum("2020-10", "current")),
        new FieldDefinition("cloud", Enum(AzureFacts.Catalog.Clouds.Select(cloud => cloud.Name).ToArray())),
        new FieldDefinition("metadata", Metadata, Required: true),
        new FieldDefinition("networks", new ListType(VirtualNetwork)),
        new FieldDefinition("networkSecurityGroups", new ListType(NetworkSecurityGroup)),
        new FieldDefinition("caches", new ListType(Cache)),
        new FieldDefinition("privateDnsZones", new ListType(PrivateDnsZone)));

    /// <summary>Every object type of the format, root first.</summary>
    public static IReadOnlyList<ObjectType> AllObjects { get; } = CollectObjects();

    private static ScalarType Enum(params string[] values) => new(ValueKind.Enum) { EnumValues = values };

    private static ScalarType Boolean() => new(ValueKind.Boolean);

    /// <summary>An integer within the limits the facts catalog gives it.</summary>
    private static ScalarType Integer(string limit) =>
        new(ValueKind.Integer)
        {
            Minimum = AzureFacts.Catalog.Limit(limit).Minimum,
            Maximum = AzureFacts.Catalog.Limit(limit).Maximum,
        };

    private static ScalarType Cidr() => new(ValueKind.Cidr) { Pattern = CidrPattern, CheckedByRule = "invalid-cidr" };

    private static ScalarType FirewallAddress() =>
        new(ValueKind.IpAddress) { Pattern = IpAddressPattern, CheckedByRule = "firewall-rule-invalid-range" };

    private static List<ObjectType> CollectObjects()
    {
        var found = new List<ObjectType>();
        void Visit(TypeDefinition type)
        {
            switch (type)
            {
                case ObjectType obj when !found.Contains(obj):
                    found.Add(obj);
                    foreach (var field in obj.Fields)
                    {
                        Visit(field.Type);
                    }
                    break;
                case ListType list:
                    Visit(list.Item);
                    break;
                case UnionType union:
                    Visit(union.Object);
                    break;
            }
        }
        Visit(Root);
        return found;
    }
}
