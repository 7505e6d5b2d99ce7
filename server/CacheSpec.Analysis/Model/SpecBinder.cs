using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// Reads a document's syntax into the typed model. Never fails: what is missing or malformed is left out.
/// </summary>
internal static class SpecBinder
{
    /// <summary>
    /// Binds one document. <paramref name="previous"/>, the same document before an edit, lends the validation its
    /// memo, and the networks, NSGs and caches whose syntax the edit left as it was (the very same nodes, see
    /// <see cref="IncrementalParser"/>) are moved over instead of read again: same nodes, same content and spans, so
    /// the same model.
    /// </summary>
    public static SpecDocument Bind(SpecFile file, DocumentSyntax syntax, GuidanceProfile? profileOverride,
        GuidanceProfile? configuredDefault, int parallelThreshold, AnalysisBudget time, SpecDocument? previous = null)
    {
        var budget = new AliasBudget(time);
        var root = new MappingReader(syntax.Root, budget);
        var guidance = root.String("guidance");
        var document = new SpecDocument { File = file, Syntax = syntax, Guidance = guidance };
        // With anchors, two items may resolve to one node; such a tree is never spliced, so nothing would be found
        // anyway.
        var earlier = file.Syntax.HasAnchors ? null : previous;
        document.Profile = profileOverride ?? GuidanceProfiles.Parse(guidance?.Value) ?? configuredDefault
            ?? GuidanceProfile.Current;
        document.Cloud = KnownCloud(root.String("cloud")?.Value) ?? KnownCloud(file.Configuration.Cloud)
            ?? AzureFacts.DefaultCloud;
        document.MetadataName = root.Child("metadata").String("name");
        // Networks, NSGs, then caches: the alias budget counts in reading order, so which alias is refused first never
        // changes.
        document.Networks = Mappings(root, "networks")
            .Select(network =>
                Unchanged(earlier?.Networks, item => item.Syntax, network.Syntax!)?.MovedTo(document)
                ?? BindNetwork(document, network))
            .ToArray();
        document.NetworkSecurityGroups = Mappings(root, "networkSecurityGroups")
            .Select(nsg =>
                Unchanged(earlier?.NetworkSecurityGroups, item => item.Syntax, nsg.Syntax!)?.MovedTo(document)
                ?? BindNsg(document, nsg))
            .ToArray();
        LimitFinding? cutShort = null;
        // A large document is read on two cores: the format check and the second half of the caches beside the first
        // half. Only without anchors, so that the shared alias budget is never touched from two threads.
        if (syntax.Span.Length >= parallelThreshold && !file.Syntax.HasAnchors)
        {
            var caches = Mappings(root, "caches").ToArray();
            var half = caches.Length / 2;
            var second = Task.Run(() =>
                (FormatValidator.Validate(syntax, previous?.ItemIssues, time),
                    BindCaches(document, caches[half..], earlier)));
            var firstCaches = BindCaches(document, caches[..half], earlier);
            var (validation, secondCaches) = second.GetAwaiter().GetResult();
            (document.FormatIssues, document.ItemIssues, var validationCut) = validation;
            cutShort ??= validationCut;
            document.Caches = [.. firstCaches, .. secondCaches];
        }
        else
        {
            (document.FormatIssues, document.ItemIssues, cutShort) =
                FormatValidator.Validate(syntax, previous?.ItemIssues, time);
            document.Caches = BindCaches(document, Mappings(root, "caches").ToArray(), earlier);
        }
        document.PrivateDnsZonesKey = root.Key("privateDnsZones");
        document.PrivateDnsZones = Mappings(root, "privateDnsZones")
            .Select(zone => new PrivateDnsZoneModel
            {
                Document = document,
                Syntax = zone.Syntax!,
                Name = zone.String("name"),
                VirtualNetworkLinks = zone.Strings("virtualNetworkLinks"),
            })
            .ToArray();
        document.AliasedNodesRead = budget.Counted;
        document.Limits = new[] { budget.Exceeded, cutShort, budget.OutOfTime }.OfType<LimitFinding>().ToArray();
        return document;
    }

    /// <summary>A cloud the catalog knows (an unknown one is the format check's finding), else null.</summary>
    private static string? KnownCloud(string? name) =>
        AzureFacts.Catalog.Clouds.Any(cloud => cloud.Name == name) ? name : null;

    private static CacheModel[] BindCaches(SpecDocument document, MappingReader[] readers, SpecDocument? earlier) =>
        Array.ConvertAll(readers,
            reader => Unchanged(earlier?.Caches, item => item.Syntax, reader.Syntax!)?.MovedTo(document)
            ?? BindCache(document, reader));

    /// <summary>The item of the previous version whose syntax is this very node, or null.</summary>
    private static T? Unchanged<T>(IReadOnlyList<T>? previous, Func<T, MappingSyntax> syntaxOf,
        MappingSyntax syntax) where T : class =>
        previous is not null && SameNode.IndexIn(previous, syntaxOf, syntax) is var index and >= 0 ? previous[index]
            : null;

    /// <summary>The mappings of a list, read until the time limit passes (the rest then read as absent).</summary>
    private static IEnumerable<MappingReader> Mappings(MappingReader parent, string key)
    {
        foreach (var item in parent.Items(key))
        {
            if (!parent.HasTime(item))
            {
                yield break;
            }
            if (parent.Item(item) is { Exists: true } reader)
            {
                yield return reader;
            }
        }
    }

    private static NetworkModel BindNetwork(SpecDocument document, MappingReader reader)
    {
        var addressSpaceText = reader.Strings("addressSpace");
        var network = new NetworkModel
        {
            Document = document,
            Syntax = reader.Syntax!,
            Name = reader.String("name"),
            AddressSpaceText = addressSpaceText,
            AddressSpace = addressSpaceText.Select(MappingReader.Cidr).OfType<Located<Cidr>>().ToArray(),
            DnsServers = reader.Strings("dnsServers")
                .Select(text =>
                    Ipv4Address.TryParse(text.Value, out var address) ? new Located<Ipv4Address>(address, text.Node)
                    : null)
                .OfType<Located<Ipv4Address>>()
                .ToArray(),
            Peerings = reader.Items("peerings").Select(item => BindPeering(reader, item)).OfType<PeeringModel>()
                .ToArray(),
            Kind = reader.Enum("kind", ("azure", NetworkKind.Azure), ("onPremises", NetworkKind.OnPremises)),
            ConnectedTo = reader.Strings("connectedTo"),
            DnsForwarding = reader.Strings("dnsForwarding"),
        };
        network.Subnets = Mappings(reader, "subnets").Select(subnet => BindSubnet(network, subnet)).ToArray();
        return network;
    }

    /// <summary>A peering's short form (the peer's name) or long form (a mapping with "network").</summary>
    private static PeeringModel? BindPeering(MappingReader network, SyntaxNode item)
    {
        if (item.Resolved is ScalarSyntax { IsNull: false } name)
        {
            return new PeeringModel { Syntax = item, Network = new Located<string>(name.Value, item) };
        }
        var peering = network.Item(item);
        return peering.Exists
            ? new PeeringModel
            {
                Syntax = item,
                Network = peering.String("network"),
                UseRemoteGateways = peering.Boolean("useRemoteGateways"),
            }
            : null;
    }

    private static SubnetModel BindSubnet(NetworkModel network, MappingReader reader)
    {
        var prefixText = reader.String("addressPrefix");
        return new SubnetModel
        {
            Network = network,
            Syntax = reader.Syntax!,
            Name = reader.String("name"),
            AddressPrefixText = prefixText,
            AddressPrefix = MappingReader.Cidr(prefixText),
            NetworkSecurityGroup = reader.String("networkSecurityGroup"),
            NatGateway = reader.Boolean("natGateway"),
            PrivateEndpointNetworkPolicies = reader.String("privateEndpointNetworkPolicies"),
            OtherResources = reader.Strings("otherResources"),
            OtherResourcesKey = reader.Key("otherResources"),
            Routes = Mappings(reader, "routes").Select(route =>
            {
                var routePrefix = route.String("addressPrefix");
                return new RouteModel
                {
                    Syntax = route.Syntax!,
                    Name = route.String("name"),
                    AddressPrefixText = routePrefix,
                    AddressPrefix = MappingReader.Cidr(routePrefix),
                    NextHop = route.String("nextHop"),
                };
            }).ToArray(),
        };
    }

    private static NsgModel BindNsg(SpecDocument document, MappingReader reader) => new()
    {
        Document = document,
        Syntax = reader.Syntax!,
        Name = reader.String("name"),
        Rules = Mappings(reader, "rules").Select(rule => new SecurityRuleModel
        {
            Syntax = rule.Syntax!,
            Name = rule.String("name"),
            Priority = rule.Integer("priority"),
            Direction = rule.Enum("direction", ("Inbound", TrafficDirection.Inbound),
                ("Outbound", TrafficDirection.Outbound)),
            Access = rule.Enum("access", ("Allow", RuleAccess.Allow), ("Deny", RuleAccess.Deny)),
            Protocol = rule.Enum("protocol", ("Tcp", TrafficProtocol.Tcp), ("Udp", TrafficProtocol.Udp),
                ("Icmp", TrafficProtocol.Icmp), ("*", TrafficProtocol.Any)),
            Source = rule.String("source"),
            Destination = rule.String("destination"),
            DestinationPorts = rule.Items("destinationPorts")
                .Select(item =>
                    item.Resolved is ScalarSyntax scalar && PortRange.TryParse(scalar.Value, out var range)
                    ? new Located<PortRange>(range, item) : null)
                .OfType<Located<PortRange>>()
                .ToArray(),
        }).ToArray(),
    };

    private static CacheModel BindCache(SpecDocument document, MappingReader reader)
    {
        var tls = reader.Child("tls");
        var persistence = reader.Child("persistence");
        var geo = reader.Child("geoReplication");
        var isolation = reader.Child("isolation");
        var privateEndpoints = new List<PrivateEndpointModel>();
        var firewallRules = new List<FirewallRuleModel>();
        var clients = new List<ClientModel>();
        VnetInjectionModel? vnetInjection = null;
        var cache = new CacheModel
        {
            Document = document,
            Syntax = reader.Syntax!,
            Name = reader.String("name"),
            Tier = reader.Enum("tier",
                ("Basic", CacheTier.Basic), ("Standard", CacheTier.Standard), ("Premium", CacheTier.Premium),
                ("Enterprise", CacheTier.Enterprise), ("EnterpriseFlash", CacheTier.EnterpriseFlash),
                ("Balanced", CacheTier.Balanced), ("MemoryOptimized", CacheTier.MemoryOptimized),
                ("ComputeOptimized", CacheTier.ComputeOptimized), ("FlashOptimized", CacheTier.FlashOptimized)),
            Size = reader.String("size"),
            Region = reader.String("region"),
            ShardCount = reader.Integer("shardCount"),
            ReplicasPerPrimary = reader.Integer("replicasPerPrimary"),
            Zones = reader.Strings("zones"),
            RedisVersion = reader.String("redisVersion"),
            MinimumTlsVersion = tls.String("minimumVersion"),
            NonSslPort = tls.Boolean("nonSslPort"),
            DisableAccessKeyAuthentication = reader.Boolean("disableAccessKeyAuthentication"),
            EntraAuthentication = reader.Boolean("entraAuthentication"),
            PersistenceKey = reader.Key("persistence"),
            PersistenceMode = persistence.Enum("mode", ("none", PersistenceMode.None), ("rdb", PersistenceMode.Rdb),
                ("aof", PersistenceMode.Aof)),
            StorageFirewall = persistence.Boolean("storageFirewall"),
            PersistenceAuthentication = persistence.String("authentication"),
            GeoReplicationKey = reader.Key("geoReplication"),
            LinkedCache = geo.String("linkedCache"),
            GeoRole = geo.Enum("role", ("primary", GeoRole.Primary), ("secondary", GeoRole.Secondary)),
            IsolationKey = reader.Key("isolation"),
            PublicNetworkAccess = isolation.Enum("publicNetworkAccess", ("Enabled", NetworkAccess.Enabled),
                ("Disabled", NetworkAccess.Disabled)),
            PrivateEndpointsKey = isolation.Key("privateEndpoints"),
            PrivateEndpoints = privateEndpoints,
            FirewallRulesKey = isolation.Key("firewallRules"),
            FirewallRules = firewallRules,
            ClusteringPolicy = reader.Enum("clusteringPolicy", ("OSSCluster", ClusteringPolicy.OssCluster),
                ("EnterpriseCluster", ClusteringPolicy.EnterpriseCluster), ("NoCluster", ClusteringPolicy.NoCluster)),
            HighAvailability = reader.Boolean("highAvailability"),
            ClientsKey = reader.Key("clients"),
            Clients = clients,
            Requirements = BindRequirements(reader),
        };
        foreach (var client in Mappings(reader, "clients"))
        {
            clients.Add(new ClientModel
            {
                Cache = cache,
                Syntax = client.Syntax!,
                Name = client.String("name"),
                From = client.String("from"),
            });
        }
        foreach (var endpoint in Mappings(isolation, "privateEndpoints"))
        {
            privateEndpoints.Add(new PrivateEndpointModel
            {
                Cache = cache,
                Syntax = endpoint.Syntax!,
                Name = endpoint.String("name"),
                Subnet = endpoint.String("subnet"),
                GroupId = endpoint.String("groupId"),
                PrivateDnsZone = endpoint.String("privateDnsZone"),
            });
        }
        foreach (var rule in Mappings(isolation, "firewallRules"))
        {
            firewallRules.Add(new FirewallRuleModel
            {
                Cache = cache,
                Syntax = rule.Syntax!,
                Name = rule.String("name"),
                StartIpText = rule.String("startIp"),
                EndIpText = rule.String("endIp"),
                SourceText = rule.String("source"),
            });
        }
        if (isolation.Key("vnetInjection") is { } vnetKey)
        {
            var vnet = isolation.Child("vnetInjection");
            var staticIp = vnet.String("staticIp");
            vnetInjection = new VnetInjectionModel
            {
                Cache = cache,
                Key = vnetKey,
                Syntax = vnet.Syntax,
                Subnet = vnet.String("subnet"),
                StaticIp = staticIp is not null && Ipv4Address.TryParse(staticIp.Value, out var address)
                    ? new Located<Ipv4Address>(address, staticIp.Node, staticIp.Key)
                    : null,
            };
        }
        cache.VnetInjection = vnetInjection;
        return cache;
    }

    private static RequirementsModel? BindRequirements(MappingReader cache)
    {
        if (cache.Key("requirements") is not { } key)
        {
            return null;
        }
        var requirements = cache.Child("requirements");
        var supportedUntil = requirements.String("supportedUntil");
        return new RequirementsModel
        {
            Key = key,
            InternetAccess = requirements.Enum("internetAccess", ("none", InternetAccess.None),
                ("allowList", InternetAccess.AllowList), ("open", InternetAccess.Open)),
            GeoReplication = requirements.Boolean("geoReplication"),
            Clustering = requirements.Boolean("clustering"),
            OnPremisesClients = requirements.Boolean("onPremisesClients"),
            PersistenceToFirewalledStorage = requirements.Boolean("persistenceToFirewalledStorage"),
            MaxTier = requirements.String("maxTier") is { } tier && Enum.TryParse<CacheTier>(tier.Value, out var max)
                && max.ToString() == tier.Value
                ? new Located<CacheTier>(max, tier.Node, tier.Key) : null,
            SupportedUntil = supportedUntil is not null && DateOnly.TryParseExact(supportedUntil.Value, "yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
                out var date)
                ? new Located<DateOnly>(date, supportedUntil.Node, supportedUntil.Key) : null,
        };
    }
}
