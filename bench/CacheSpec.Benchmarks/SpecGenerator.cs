using System.Globalization;
using System.Text;

namespace CacheSpec.Benchmarks;

/// <summary>
/// Writes realistic cache isolation spec workspaces of any size, for benchmarks and load tests.
/// <para>
/// The workspace has one virtual network per <see cref="CachesPerNetwork"/> caches (a /18 each, carved out of
/// 10.0.0.0/8), with a private-endpoint subnet, application subnets, an optional custom DNS subnet, and dedicated Redis
/// subnets (/27 or larger, sized for the caches injected into them). Every network has an NSG on its Redis subnets that
/// opens what an injected cache needs (its inbound ports from the network and the load balancer, its outbound
/// dependencies) and denies the rest. The caches are spread over the three isolation options: private endpoints with
/// public access Disabled, VNet injection on Premium, and firewall rules with public access Enabled. Some VNet-injected
/// caches are geo-replicated across neighbouring networks.
/// </para>
/// <para>
/// About one cache in <see cref="MistakeInterval"/> carries a deliberate mistake (see <see cref="MistakeKind"/>), so
/// the analysis has real findings to report; everything else is meant to be clean. The output depends only on the
/// arguments (the random source is seeded).
/// </para>
/// </summary>
public static class SpecGenerator
{
    public const int DefaultSeed = 20201015;

    /// <summary>One cache in this many carries a deliberate mistake.</summary>
    public const int MistakeInterval = 50;

    /// <summary>
    /// How many caches share one virtual network (grows for very large workspaces so the networks fit in 10.0.0.0/8).
    /// </summary>
    public const int CachesPerNetwork = 50;

    /// <summary>The guidance profile written into every generated document unless another is asked for.</summary>
    public const string DefaultGuidance = "2020-10";

    private const string RedisDnsZone = "privatelink.redis.cache.windows.net";
    private const string EnterpriseDnsZone = "privatelink.redisenterprise.cache.azure.net";

    private static readonly (string Region, string Short)[] Regions =
    {
        ("westeurope", "weu"), ("northeurope", "neu"), ("eastus2", "eus2"), ("westus3", "wus3"), ("uksouth", "uks"),
            ("swedencentral", "sdc"),
    };

    private static readonly string[] Workloads =
    {
        "orders", "sessions", "catalog", "payments", "inventory", "search", "profiles", "pricing", "carts", "telemetry",
            "shipping", "ledger",
    };

    /// <summary>
    /// The mistakes the generator plants, one per <see cref="MistakeInterval"/> caches, in this rotation.
    /// </summary>
    public enum MistakeKind
    {
        None,
        /// <summary>A Standard cache with vnetInjection (vnet-injection-requires-premium).</summary>
        StandardWithVnetInjection,
        /// <summary>
        /// "publicNetworkAcess" instead of "publicNetworkAccess" (unknown-key, then public-access-unset and
        /// public-access-with-private-endpoint).
        /// </summary>
        MisspelledKey,
        /// <summary>A firewall rule whose startIp is after its endIp (firewall-rule-invalid-range).</summary>
        FirewallRangeReversed,
        /// <summary>A private endpoint in "net/endpoint" instead of "net/endpoints" (unresolved-reference).</summary>
        UnresolvedSubnet,
        /// <summary>A cache that reuses the previous cache's name (duplicate-name).</summary>
        DuplicateName,
        /// <summary>A static IP on one of the subnet's Azure-reserved addresses (vnet-static-ip-invalid).</summary>
        StaticIpReserved,
        /// <summary>
        /// tls.minimumVersion "1.0" (minimum-tls-version: a warning in 2020-10, an error in current).
        /// </summary>
        LegacyTls,
    }

    private static readonly MistakeKind[] MistakeRotation =
    {
        MistakeKind.StandardWithVnetInjection, MistakeKind.MisspelledKey, MistakeKind.FirewallRangeReversed,
            MistakeKind.UnresolvedSubnet,
        MistakeKind.DuplicateName, MistakeKind.StaticIpReserved, MistakeKind.LegacyTls,
    };

    /// <summary>A one-file workspace: networks, NSGs and caches in a single document.</summary>
    public static string Generate(int caches, int seed = DefaultSeed, string guidance = DefaultGuidance)
    {
        var plan = Plan(caches, seed);
        var text = new StringBuilder(caches * 400 + 4096);
        WriteHeader(text, $"bench-{caches}",
            $"Generated workspace of {caches} caches in {plan.Networks.Count} networks (seed {seed})", guidance);
        WriteNetworks(text, plan);
        WriteCaches(text, plan.Caches);
        return text.ToString();
    }

    /// <summary>
    /// A workspace split over several files: networks and NSGs in "network.cachespec.yaml", the caches spread evenly
    /// over the other files (which reference subnets and linked caches across files). With one file, this is
    /// <see cref="Generate"/>.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> GenerateWorkspace(int caches, int files,
        int seed = DefaultSeed, string guidance = DefaultGuidance)
    {
        if (files < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(files), files, "A workspace has at least one file.");
        }
        if (files == 1)
        {
            return new[] { ("workspace.cachespec.yaml", Generate(caches, seed, guidance)) };
        }
        if (files - 1 > caches)
        {
            throw new ArgumentOutOfRangeException(nameof(files), files,
                $"{caches} caches cannot fill {files - 1} cache files.");
        }
        var plan = Plan(caches, seed);
        var result = new List<(string, string)>();
        var network = new StringBuilder();
        WriteHeader(network, "bench-network", $"Generated networks and NSGs for {caches} caches (seed {seed})",
            guidance);
        WriteNetworks(network, plan);
        result.Add(("network.cachespec.yaml", network.ToString()));
        var cacheFiles = files - 1;
        var width = Math.Max(2, cacheFiles.ToString(CultureInfo.InvariantCulture).Length);
        for (var f = 0; f < cacheFiles; f++)
        {
            var first = (int)((long)caches * f / cacheFiles);
            var last = (int)((long)caches * (f + 1) / cacheFiles);
            var number = (f + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            var text = new StringBuilder((last - first) * 400 + 512);
            WriteHeader(text, $"bench-caches-{number}",
                $"Generated caches {first + 1} to {last} of {caches} (seed {seed})", guidance);
            WriteCaches(text, plan.Caches.Skip(first).Take(last - first).ToList());
            result.Add(($"caches-{number}.cachespec.yaml", text.ToString()));
        }
        return result;
    }

    /// <summary>The planted mistakes of a workspace of this size, in cache order: cache name and kind.</summary>
    public static IReadOnlyList<(string Cache, MistakeKind Kind)> Mistakes(int caches, int seed = DefaultSeed) =>
        Plan(caches, seed).Caches.Where(cache => cache.Mistake != MistakeKind.None)
            .Select(cache => (cache.Name, cache.Mistake)).ToArray();

    /// <summary>
    /// The error codes (with counts) the planted mistakes should produce, and nothing else, under the given guidance.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ExpectedErrors(int caches, int seed = DefaultSeed,
        string guidance = DefaultGuidance)
    {
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, kind) in Mistakes(caches, seed))
        {
            var code = kind switch
            {
                MistakeKind.StandardWithVnetInjection => "vnet-injection-requires-premium",
                MistakeKind.MisspelledKey => "unknown-key",
                MistakeKind.FirewallRangeReversed => "firewall-rule-invalid-range",
                MistakeKind.UnresolvedSubnet => "unresolved-reference",
                MistakeKind.DuplicateName => "duplicate-name",
                MistakeKind.StaticIpReserved => "vnet-static-ip-invalid",
                MistakeKind.LegacyTls when guidance == "current" => "minimum-tls-version",
                _ => null,
            };
            if (code is not null)
            {
                expected[code] = expected.GetValueOrDefault(code) + 1;
            }
        }
        return expected;
    }

    // ---- planning ---------------------------------------------------------------------------------------------------

    private enum IsolationKind { PrivateEndpoint, VnetInjection, Firewall }

    private sealed class WorkspacePlan
    {
        public List<NetworkPlan> Networks { get; } = new();
        public List<CachePlan> Caches { get; } = new();
    }

    private sealed class NetworkPlan
    {
        public required int Index { get; init; }
        public required string Name { get; init; }
        public required string Region { get; init; }
        public required uint Base { get; init; }
        public bool CustomDns { get; init; }
        public bool EndpointNsg { get; init; }
        public bool ForcedTunnel { get; init; }
        public List<RedisSubnetPlan> RedisSubnets { get; } = new();
        public List<CachePlan> Injected { get; } = new();
        public string RedisNsg => $"nsg-{Name}-redis";
        public string EndpointsNsg => $"nsg-{Name}-endpoints";
    }

    private sealed class RedisSubnetPlan
    {
        public required string Name { get; init; }
        public required uint Base { get; init; }
        public required int PrefixLength { get; init; }
    }

    private sealed class CachePlan
    {
        public required int Index { get; init; }
        public required string Name { get; set; }
        public required IsolationKind Isolation { get; set; }
        public required NetworkPlan Network { get; init; }
        public MistakeKind Mistake { get; init; }
        public string Tier { get; set; } = "Standard";
        public string Size { get; set; } = "C1";
        public string Region { get; set; } = "westeurope";
        public int? Shards { get; set; }
        public int? Replicas { get; set; }
        public string[]? Zones { get; set; }
        public bool WriteTls { get; set; }
        public string? Persistence { get; set; }
        public RedisSubnetPlan? Subnet { get; set; }
        public uint? StaticIp { get; set; }
        public List<(string Name, uint Start, uint End)> FirewallRules { get; } = new();
        public CachePlan? GeoPeer { get; set; }
        public bool GeoPrimary { get; set; }

        public int RequiredAddresses => Math.Max(1, Shards ?? 1) * (1 + (Replicas ?? 1)) + 1;
    }

    private static WorkspacePlan Plan(int caches, int seed)
    {
        if (caches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(caches), caches, "A workspace has at least one cache.");
        }
        var random = new Random(seed);
        var perNetwork = Math.Max(CachesPerNetwork, (caches + 1023) / 1024);
        var networkCount = (caches + perNetwork - 1) / perNetwork;
        var plan = new WorkspacePlan();
        for (var i = 0; i < networkCount; i++)
        {
            var (region, shortName) = Regions[i % Regions.Length];
            plan.Networks.Add(new NetworkPlan
            {
                Index = i,
                Name = $"vnet-{shortName}-{i:D3}",
                Region = region,
                Base = 0x0A000000u + (uint)i * 0x4000u,
                CustomDns = i % 4 == 3,
                EndpointNsg = i % 3 != 2,
                ForcedTunnel = i % 5 == 1,
            });
        }

        for (var i = 0; i < caches; i++)
        {
            var network = plan.Networks[i / perNetwork];
            var mistake = i % MistakeInterval == 7 ? MistakeRotation[i / MistakeInterval % MistakeRotation.Length]
                : MistakeKind.None;
            var roll = random.NextDouble();
            var isolation = roll < 0.4 ? IsolationKind.PrivateEndpoint : roll < 0.7 ? IsolationKind.VnetInjection
                : IsolationKind.Firewall;
            isolation = mistake switch
            {
                MistakeKind.StandardWithVnetInjection or MistakeKind.StaticIpReserved => IsolationKind.VnetInjection,
                MistakeKind.MisspelledKey or MistakeKind.UnresolvedSubnet => IsolationKind.PrivateEndpoint,
                MistakeKind.FirewallRangeReversed or MistakeKind.DuplicateName => IsolationKind.Firewall,
                _ => isolation,
            };
            var name = mistake == MistakeKind.DuplicateName && i > 0
                ? plan.Caches[i - 1].Name
                : $"{Workloads[random.Next(Workloads.Length)]}-{i:D5}";
            var cache = new CachePlan
            {
                Index = i,
                Name = name,
                Isolation = isolation,
                Network = network,
                Mistake = mistake,
            };
            Fill(cache, random);
            plan.Caches.Add(cache);
            if (isolation == IsolationKind.VnetInjection)
            {
                network.Injected.Add(cache);
            }
        }

        LinkGeoReplicas(plan);
        foreach (var network in plan.Networks)
        {
            PlaceInjectedCaches(network, random);
        }
        return plan;
    }

    private static void Fill(CachePlan cache, Random random)
    {
        cache.Region = cache.Network.Region;
        cache.WriteTls = random.NextDouble() < 0.6 || cache.Mistake == MistakeKind.LegacyTls;
        switch (cache.Isolation)
        {
            case IsolationKind.PrivateEndpoint:
                var kind = random.NextDouble();
                // The mistakes planted on endpoint caches stay on Standard, so what follows from them is the same every
                // time.
                if (kind < 0.45 || cache.Mistake != MistakeKind.None)
                {
                    cache.Tier = "Standard";
                    cache.Size = $"C{random.Next(1, 5)}";
                }
                else if (kind < 0.9)
                {
                    cache.Tier = "Premium";
                    cache.Size = $"P{random.Next(1, 5)}";
                    if (random.NextDouble() < 0.4)
                    {
                        cache.Shards = random.Next(2, 5);
                    }
                    if (random.NextDouble() < 0.5)
                    {
                        cache.Zones = new[] { "1", "2", "3" };
                    }
                    cache.Persistence = random.NextDouble() switch { < 0.3 => "rdb", < 0.45 => "aof", _ => null };
                }
                else
                {
                    cache.Tier = "Enterprise";
                    cache.Size = random.NextDouble() < 0.5 ? "E10" : "E20";
                }
                break;
            case IsolationKind.VnetInjection:
                if (cache.Mistake == MistakeKind.StandardWithVnetInjection)
                {
                    cache.Tier = "Standard";
                    cache.Size = "C2";
                    break;
                }
                cache.Tier = "Premium";
                cache.Size = $"P{random.Next(1, 4)}";
                if (random.NextDouble() < 0.5)
                {
                    cache.Shards = random.Next(2, 4);
                    cache.Replicas = random.NextDouble() < 0.25 ? 2 : 1;
                }
                cache.Persistence = random.NextDouble() < 0.3 ? "rdb" : null;
                break;
            default:
                var tier = random.NextDouble();
                (cache.Tier, cache.Size) = tier switch
                {
                    < 0.2 => ("Basic", $"C{random.Next(0, 2)}"),
                    < 0.8 => ("Standard", $"C{random.Next(1, 4)}"),
                    _ => ("Premium", "P1"),
                };
                if (cache.Mistake == MistakeKind.FirewallRangeReversed)
                {
                    cache.FirewallRules.Add(("branch-office", Address(203, 0, 113, 200), Address(203, 0, 113, 100)));
                    break;
                }
                var third = (uint)random.Next(0, 256);
                var start = (uint)random.Next(0, 16) * 16;
                cache.FirewallRules.Add(
                    ("office-egress", Address(198, 51, 100, start), Address(198, 51, 100, start + 15)));
                if (random.NextDouble() < 0.5)
                {
                    cache.FirewallRules.Add(
                        ("ci-runners", Address(203, 0, 113, third / 2), Address(203, 0, 113, third / 2 + 7)));
                }
                break;
        }
    }

    /// <summary>
    /// Links the first clean injected cache of each even network with the first of the next network, as primary and
    /// secondary.
    /// </summary>
    private static void LinkGeoReplicas(WorkspacePlan plan)
    {
        for (var i = 0; i + 1 < plan.Networks.Count; i += 2)
        {
            var primary = plan.Networks[i].Injected.FirstOrDefault(cache => cache.Mistake == MistakeKind.None);
            var secondary = plan.Networks[i + 1].Injected.FirstOrDefault(cache => cache.Mistake == MistakeKind.None);
            if (primary is null || secondary is null)
            {
                continue;
            }
            // Geo-replication does not combine with persistence, and both sides have the same size and shape.
            primary.Persistence = secondary.Persistence = null;
            secondary.Size = primary.Size;
            secondary.Shards = primary.Shards;
            secondary.Replicas = primary.Replicas;
            primary.GeoPeer = secondary;
            secondary.GeoPeer = primary;
            primary.GeoPrimary = true;
        }
    }

    /// <summary>
    /// Groups a network's injected caches two to four per dedicated subnet, sized for what they need (never below /27).
    /// </summary>
    private static void PlaceInjectedCaches(NetworkPlan network, Random random)
    {
        var cursor = network.Base + 0x1000u;
        var end = network.Base + 0x4000u;
        var index = 0;
        while (index < network.Injected.Count)
        {
            var count = Math.Min(random.Next(2, 5), network.Injected.Count - index);
            var group = network.Injected.GetRange(index, count);
            index += count;
            var needed = group.Sum(cache => cache.RequiredAddresses);
            var prefix = 27;
            while ((1L << (32 - prefix)) - 5 < needed)
            {
                prefix--;
            }
            var size = 1u << (32 - prefix);
            cursor = (cursor + size - 1) & ~(size - 1);
            if (cursor + size > end)
            {
                throw new InvalidOperationException($"Network {network.Name} has no room left for its Redis subnets.");
            }
            var subnet = new RedisSubnetPlan
            {
                Name = $"redis-{network.RedisSubnets.Count + 1:D2}",
                Base = cursor,
                PrefixLength = prefix,
            };
            network.RedisSubnets.Add(subnet);
            cursor += size;
            // Static IPs, when given, follow one another after the four reserved addresses at the start of the subnet.
            var next = subnet.Base + 4;
            foreach (var cache in group)
            {
                cache.Subnet = subnet;
                if (cache.Mistake == MistakeKind.StaticIpReserved)
                {
                    cache.StaticIp = subnet.Base + 1;
                }
                else if (random.NextDouble() < 0.5)
                {
                    cache.StaticIp = next;
                }
                next += (uint)cache.RequiredAddresses;
            }
        }
    }

    // ---- writing ----------------------------------------------------------------------------------------------------

    private static void WriteHeader(StringBuilder text, string name, string description, string guidance)
    {
        text.Append("apiVersion: cachespec/v1\n");
        text.Append("kind: CacheIsolationSpec\n");
        text.Append("guidance: ").Append(guidance).Append('\n');
        text.Append("metadata:\n");
        text.Append("  name: ").Append(name).Append('\n');
        text.Append("  description: ").Append(description).Append('\n');
    }

    private static void WriteNetworks(StringBuilder text, WorkspacePlan plan)
    {
        text.Append("\nnetworks:\n");
        foreach (var network in plan.Networks)
        {
            var b = network.Base;
            text.Append("  # ").Append(network.Region).Append(": endpoints, applications and ")
                .Append(network.RedisSubnets.Count)
                .Append(" dedicated Redis subnet(s)\n");
            text.Append("  - name: ").Append(network.Name).Append('\n');
            text.Append("    region: ").Append(network.Region).Append('\n');
            text.Append("    addressSpace: [").Append(Cidr(b, 18)).Append("]\n");
            if (network.CustomDns)
            {
                text.Append("    dnsServers: [").Append(Ip(b + 0xC04)).Append(", ").Append(Ip(b + 0xC05)).Append("]\n");
            }
            text.Append("    subnets:\n");
            text.Append("      - name: endpoints\n");
            text.Append("        addressPrefix: ").Append(Cidr(b, 23)).Append('\n');
            if (network.EndpointNsg)
            {
                text.Append("        networkSecurityGroup: ").Append(network.EndpointsNsg).Append('\n');
                text.Append("        privateEndpointNetworkPolicies: Enabled\n");
            }
            else
            {
                text.Append("        privateEndpointNetworkPolicies: Disabled\n");
            }
            text.Append("      - name: apps\n");
            text.Append("        addressPrefix: ").Append(Cidr(b + 0x400, 22)).Append('\n');
            text.Append("        otherResources: [aks-").Append(network.Name).Append("]\n");
            if (network.ForcedTunnel)
            {
                text.Append("        routes:\n");
                text.Append("          - name: to-hub-firewall\n");
                text.Append("            addressPrefix: 0.0.0.0/0\n");
                text.Append("            nextHop: VirtualAppliance\n");
            }
            text.Append("      - name: jobs\n");
            text.Append("        addressPrefix: ").Append(Cidr(b + 0x800, 24)).Append('\n');
            if (network.CustomDns)
            {
                text.Append("      - name: dns\n");
                text.Append("        addressPrefix: ").Append(Cidr(b + 0xC00, 28)).Append('\n');
                text.Append("        otherResources: [dns-forwarder-1, dns-forwarder-2]\n");
            }
            foreach (var subnet in network.RedisSubnets)
            {
                text.Append("      - name: ").Append(subnet.Name).Append('\n');
                text.Append("        addressPrefix: ").Append(Cidr(subnet.Base, subnet.PrefixLength)).Append('\n');
                text.Append("        networkSecurityGroup: ").Append(network.RedisNsg).Append('\n');
            }
        }

        text.Append("\nnetworkSecurityGroups:\n");
        foreach (var network in plan.Networks)
        {
            if (network.RedisSubnets.Count > 0)
            {
                WriteRedisNsg(text, network);
            }
            if (network.EndpointNsg)
            {
                text.Append("  - name: ").Append(network.EndpointsNsg).Append('\n');
                text.Append("    rules:\n");
                WriteSecurityRule(text, "allow-apps-redis-tls", 100, "Inbound", "Allow", "Tcp", $"{network.Name}/apps",
                    $"{network.Name}/endpoints", "\"6380\", 15000-15999");
                WriteSecurityRule(text, "allow-jobs-redis-tls", 110, "Inbound", "Allow", "Tcp", $"{network.Name}/jobs",
                    $"{network.Name}/endpoints", "\"6380\"");
                WriteSecurityRule(text, "deny-other-vnet-in", 4000, "Inbound", "Deny", "\"*\"", "VirtualNetwork",
                    "\"*\"", "\"*\"");
            }
        }
    }

    /// <summary>
    /// The NSG of a network's Redis subnets: the inbound ports and outbound dependencies of an injected cache, then
    /// deny all.
    /// </summary>
    private static void WriteRedisNsg(StringBuilder text, NetworkPlan network)
    {
        const string internalPorts = "6379-6380, 8443, 10221-10231, 13000-13999, 15000-15999, 20226";
        text.Append("  # Opens what a VNet-injected cache needs; ")
            .Append("geo-replicas are in peered networks, inside VirtualNetwork.\n");
        text.Append("  - name: ").Append(network.RedisNsg).Append('\n');
        text.Append("    rules:\n");
        WriteSecurityRule(text, "allow-vnet-redis-in", 100, "Inbound", "Allow", "Tcp", "VirtualNetwork",
            "VirtualNetwork", internalPorts);
        WriteSecurityRule(text, "allow-load-balancer-in", 110, "Inbound", "Allow", "\"*\"", "AzureLoadBalancer",
            "\"*\"",
            "6379-6380, 8500, 10221-10231, 13000-13999, 15000-15999, 16001");
        WriteSecurityRule(text, "deny-all-in", 4096, "Inbound", "Deny", "\"*\"", "\"*\"", "\"*\"", "\"*\"");
        WriteSecurityRule(text, "allow-storage-out", 100, "Outbound", "Allow", "Tcp", "VirtualNetwork", "Storage",
            "443");
        WriteSecurityRule(text, "allow-keyvault-out", 110, "Outbound", "Allow", "Tcp", "VirtualNetwork",
            "AzureKeyVault", "443");
        WriteSecurityRule(text, "allow-monitor-out", 120, "Outbound", "Allow", "Tcp", "VirtualNetwork", "AzureMonitor",
            "443");
        WriteSecurityRule(text, "allow-pki-out", 130, "Outbound", "Allow", "Tcp", "VirtualNetwork", "Internet", "80");
        WriteSecurityRule(text, "allow-azure-dns-out", 135, "Outbound", "Allow", "\"*\"", "VirtualNetwork",
            "168.63.129.16", "53");
        if (network.CustomDns)
        {
            WriteSecurityRule(text, "allow-custom-dns-out", 140, "Outbound", "Allow", "\"*\"", "VirtualNetwork",
                $"{network.Name}/dns", "53");
        }
        WriteSecurityRule(text, "allow-vnet-redis-out", 150, "Outbound", "Allow", "Tcp", "VirtualNetwork",
            "VirtualNetwork", internalPorts);
        WriteSecurityRule(text, "deny-all-out", 4096, "Outbound", "Deny", "\"*\"", "\"*\"", "\"*\"", "\"*\"");
    }

    private static void WriteSecurityRule(StringBuilder text, string name, int priority, string direction,
        string access, string protocol,
        string source, string destination, string ports)
    {
        text.Append("      - name: ").Append(name).Append('\n');
        text.Append("        priority: ").Append(priority.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("        direction: ").Append(direction).Append('\n');
        text.Append("        access: ").Append(access).Append('\n');
        text.Append("        protocol: ").Append(protocol).Append('\n');
        text.Append("        source: ").Append(source).Append('\n');
        text.Append("        destination: ").Append(destination).Append('\n');
        text.Append("        destinationPorts: [").Append(ports).Append("]\n");
    }

    private static void WriteCaches(StringBuilder text, IReadOnlyList<CachePlan> caches)
    {
        text.Append("\ncaches:\n");
        foreach (var cache in caches)
        {
            text.Append("  - name: ").Append(cache.Name).Append('\n');
            text.Append("    tier: ").Append(cache.Tier).Append('\n');
            text.Append("    size: ").Append(cache.Size).Append('\n');
            text.Append("    region: ").Append(cache.Region).Append('\n');
            if (cache.Shards is { } shards)
            {
                text.Append("    shardCount: ").Append(shards.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            if (cache.Replicas is { } replicas)
            {
                text.Append("    replicasPerPrimary: ").Append(replicas.ToString(CultureInfo.InvariantCulture))
                    .Append('\n');
            }
            if (cache.Zones is { } zones)
            {
                text.Append("    zones: [").Append(string.Join(", ", zones.Select(zone => $"\"{zone}\"")))
                    .Append("]\n");
            }
            if (cache.WriteTls)
            {
                text.Append("    tls:\n");
                text.Append("      minimumVersion: \"").Append(cache.Mistake == MistakeKind.LegacyTls ? "1.0" : "1.2")
                    .Append("\"\n");
                text.Append("      nonSslPort: false\n");
            }
            if (cache.Persistence is { } persistence)
            {
                text.Append("    persistence:\n");
                text.Append("      mode: ").Append(persistence).Append('\n');
                if (persistence == "rdb")
                {
                    text.Append("      storageFirewall: true\n");
                    text.Append("      authentication: managedIdentity\n");
                }
            }
            if (cache.GeoPeer is { } peer)
            {
                text.Append("    geoReplication:\n");
                text.Append("      linkedCache: ").Append(peer.Name).Append('\n');
                text.Append("      role: ").Append(cache.GeoPrimary ? "primary" : "secondary").Append('\n');
            }
            text.Append("    isolation:\n");
            switch (cache.Isolation)
            {
                case IsolationKind.PrivateEndpoint:
                    var enterprise = cache.Tier == "Enterprise";
                    text.Append(cache.Mistake == MistakeKind.MisspelledKey ? "      publicNetworkAcess: Disabled\n"
                        : "      publicNetworkAccess: Disabled\n");
                    text.Append("      privateEndpoints:\n");
                    text.Append("        - name: pe-").Append(cache.Name).Append('\n');
                    text.Append("          subnet: ").Append(cache.Network.Name)
                        .Append(cache.Mistake == MistakeKind.UnresolvedSubnet ? "/endpoint\n" : "/endpoints\n");
                    text.Append("          groupId: ").Append(enterprise ? "redisEnterprise" : "redisCache")
                        .Append('\n');
                    text.Append("          privateDnsZone: ").Append(enterprise ? EnterpriseDnsZone : RedisDnsZone)
                        .Append('\n');
                    break;
                case IsolationKind.VnetInjection:
                    text.Append("      vnetInjection:\n");
                    text.Append("        subnet: ").Append(cache.Network.Name).Append('/').Append(cache.Subnet!.Name)
                        .Append('\n');
                    if (cache.StaticIp is { } staticIp)
                    {
                        text.Append("        staticIp: ").Append(Ip(staticIp)).Append('\n');
                    }
                    break;
                default:
                    text.Append("      publicNetworkAccess: Enabled\n");
                    text.Append("      firewallRules:\n");
                    foreach (var (name, start, end) in cache.FirewallRules)
                    {
                        text.Append("        - name: ").Append(name).Append('\n');
                        text.Append("          startIp: ").Append(Ip(start)).Append('\n');
                        text.Append("          endIp: ").Append(Ip(end)).Append('\n');
                    }
                    break;
            }
        }
    }

    private static uint Address(uint a, uint b, uint c, uint d) => (a << 24) | (b << 16) | (c << 8) | d;

    private static string Ip(uint address) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    private static string Cidr(uint address, int prefixLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ip(address)}/{prefixLength}");
}
