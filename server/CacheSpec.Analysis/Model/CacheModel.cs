using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class CacheModel
{
    private SpecDocument document = null!;
    private IReadOnlyList<PrivateEndpointModel> privateEndpoints = Array.Empty<PrivateEndpointModel>();
    private IReadOnlyList<FirewallRuleModel> firewallRules = Array.Empty<FirewallRuleModel>();
    private IReadOnlyList<ClientModel> clients = Array.Empty<ClientModel>();

    public required SpecDocument Document { get => document; init => document = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<CacheTier>? Tier { get; init; }
    public Located<string>? Size { get; init; }
    public Located<string>? Region { get; init; }
    public Located<int>? ShardCount { get; init; }
    public Located<int>? ReplicasPerPrimary { get; init; }
    public IReadOnlyList<Located<string>> Zones { get; init; } = Array.Empty<Located<string>>();
    public Located<string>? RedisVersion { get; init; }
    public Located<string>? MinimumTlsVersion { get; init; }
    public Located<bool>? NonSslPort { get; init; }
    public Located<bool>? DisableAccessKeyAuthentication { get; init; }
    public Located<bool>? EntraAuthentication { get; init; }
    public SyntaxNode? PersistenceKey { get; init; }
    public Located<PersistenceMode>? PersistenceMode { get; init; }
    public Located<bool>? StorageFirewall { get; init; }
    public Located<string>? PersistenceAuthentication { get; init; }
    public SyntaxNode? GeoReplicationKey { get; init; }
    public Located<string>? LinkedCache { get; init; }
    public Located<GeoRole>? GeoRole { get; init; }
    public SyntaxNode? IsolationKey { get; init; }
    public Located<NetworkAccess>? PublicNetworkAccess { get; init; }
    public SyntaxNode? PrivateEndpointsKey { get; init; }
    public IReadOnlyList<PrivateEndpointModel> PrivateEndpoints
    {
        get => privateEndpoints;
        init => privateEndpoints = value;
    }
    public VnetInjectionModel? VnetInjection { get; internal set; }
    public SyntaxNode? FirewallRulesKey { get; init; }
    public IReadOnlyList<FirewallRuleModel> FirewallRules { get => firewallRules; init => firewallRules = value; }

    /// <summary>Azure Managed Redis and Enterprise tiers (v1.1).</summary>
    public Located<ClusteringPolicy>? ClusteringPolicy { get; init; }

    /// <summary>Azure Managed Redis (v1.1); absent: true.</summary>
    public Located<bool>? HighAvailability { get; init; }

    public SyntaxNode? ClientsKey { get; init; }

    /// <summary>Who must reach the cache (v1.1).</summary>
    public IReadOnlyList<ClientModel> Clients { get => clients; init => clients = value; }

    /// <summary>What the cache must offer (v1.1); null when the spec states nothing.</summary>
    public RequirementsModel? Requirements { get; init; }

    /// <summary>
    /// This cache in the next version of its document, for a cache whose syntax an edit left as it was: a copy that
    /// belongs to the new document, with its endpoints, firewall rules and injection copied to belong to the copy (see
    /// <see cref="SpecBinder"/>).
    /// </summary>
    internal CacheModel MovedTo(SpecDocument newDocument)
    {
        var copy = (CacheModel)MemberwiseClone();
        copy.document = newDocument;
        copy.privateEndpoints = privateEndpoints.Count == 0 ? privateEndpoints
            : privateEndpoints.Select(endpoint => endpoint.MovedTo(copy)).ToArray();
        copy.firewallRules = firewallRules.Count == 0 ? firewallRules
            : firewallRules.Select(rule => rule.MovedTo(copy)).ToArray();
        copy.clients = clients.Count == 0 ? clients : clients.Select(client => client.MovedTo(copy)).ToArray();
        copy.VnetInjection = VnetInjection?.MovedTo(copy);
        return copy;
    }

    public GuidanceProfile Profile => Document.Profile;

    /// <summary>The node that names the cache in messages and ranges: its name value, else the mapping.</summary>
    public SyntaxNode Anchor => Name?.Node ?? Syntax;

    public string DisplayName => Name?.Value ?? "(unnamed cache)";

    public bool IsClustered => ShardCount is not null;

    public bool HasPrivateEndpoints => PrivateEndpoints.Count > 0;

    public bool HasFirewallRules => FirewallRules.Count > 0;

    /// <summary>Shards, counting a non-clustered cache as one shard.</summary>
    public int Shards => Math.Max(1, ShardCount?.Value ?? 1);

    public int Replicas => ReplicasPerPrimary?.Value ?? 1;

    /// <summary>
    /// Addresses the cache takes in its injected subnet: two per shard with one replica, one more per extra replica,
    /// plus the load balancer.
    /// </summary>
    public int RequiredSubnetAddresses => Shards * (1 + Replicas) + 1;
    /// <summary>
    /// The facts of the cache's service (by its tier): the groupId and private DNS zone of its private endpoints.
    /// </summary>
    public ServiceFact Service => AzureFacts.Catalog.ServiceOfTier(Tier?.Value.ToString() ?? string.Empty);

    /// <summary>
    /// The private DNS zone of the cache's endpoints in its spec's cloud; null where the catalog documents none.
    /// </summary>
    public string? PrivateDnsZone => AzureFacts.Catalog.PrivateDnsZone(Service, Document.Cloud);

    public bool IsEnterpriseTier => Tier?.Value is CacheTier.Enterprise or CacheTier.EnterpriseFlash;

    /// <summary>
    /// An Azure Managed Redis tier (v1.1): Balanced, MemoryOptimized, ComputeOptimized, FlashOptimized.
    /// </summary>
    public bool IsManagedRedis => Tier?.Value is CacheTier.Balanced or CacheTier.MemoryOptimized
        or CacheTier.ComputeOptimized or CacheTier.FlashOptimized;

    /// <summary>A tier of the Redis Enterprise resource: Enterprise, EnterpriseFlash or Azure Managed Redis.</summary>
    public bool IsRedisEnterpriseResource => IsEnterpriseTier || IsManagedRedis;

    /// <summary>
    /// Whether clients on the internet may reach the cache's public endpoint: publicNetworkAccess is not Disabled,
    /// except that a VNet-injected cache is never publicly addressable and the Enterprise tiers, which have no such
    /// flag, take no public traffic once they use Private Link, whatever the spec sets.
    /// </summary>
    public bool PublicAccessMayBeEnabled =>
        PublicNetworkAccess?.Value != NetworkAccess.Disabled && VnetInjection is null
            && !(IsEnterpriseTier && HasPrivateEndpoints);

    public bool HasPersistence => PersistenceMode is { Value: not Model.PersistenceMode.None };
}
