namespace CacheSpec.Tests.Fixes;

/// <summary>Specs beyond the rule pages' examples that exercise the fixes' harder paths: flow style, several files, Azure's default rules, CRLF.</summary>
public static class FixCases
{
    private const string Header = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: test\n";

    private const string Hub = """
        networks:
          - name: hub
            addressSpace: [10.0.0.0/16]
            subnets:
              - name: endpoints
                addressPrefix: 10.0.2.0/24

        """;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All { get; } = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["flow-isolation-public-access"] = One(Header + Hub + """
            caches:
              - name: orders
                tier: Premium
                size: P1
                isolation: {publicNetworkAccess: Enabled, privateEndpoints: [{name: pe-orders, subnet: hub/endpoints}]}
            """),
        ["flow-isolation-public-access-unset"] = One(Header + Hub + """
            caches:
              - {name: orders, tier: Premium, size: P1, isolation: {privateEndpoints: [{name: pe-orders, subnet: hub/endpoints}]}}
            """),
        ["flow-firewall-rules-2020-10"] = One(Header + "guidance: 2020-10\n" + Hub + """
            caches:
              - name: orders
                tier: Premium
                size: P1
                isolation: {publicNetworkAccess: Disabled, privateEndpoints: [{name: pe-orders, subnet: hub/endpoints}], firewallRules: [{name: office, startIp: 203.0.113.0, endIp: 203.0.113.255}]}
            """),
        ["flow-firewall-rules-current"] = One(Header + Hub + """
            caches:
              - name: orders
                tier: Premium
                size: P1
                isolation: {firewallRules: [{name: office, startIp: 203.0.113.0, endIp: 203.0.113.255}], publicNetworkAccess: Disabled, privateEndpoints: [{name: pe-orders, subnet: hub/endpoints}]}
            """),
        ["block-nsg-rules-with-comments"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg
                rules:
                  - name: allow-storage-out-custom
                    priority: 190
                    direction: Outbound
                    access: Allow
                    protocol: Udp
                    source: "*"
                    destination: Storage
                    destinationPorts: [443]
                  # Stops data leaving for storage accounts.
                  - name: deny-storage-out
                    priority: 200
                    direction: Outbound
                    access: Deny
                    protocol: Tcp
                    source: "*"
                    destination: Storage
                    destinationPorts: [443]
                  - name: deny-lb-in
                    priority: 300
                    direction: Inbound
                    access: Deny
                    protocol: "*"
                    source: AzureLoadBalancer
                    destination: "*"
                    destinationPorts: ["*"]
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis
            """),
        ["default-rule-blocks-custom-dns"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                dnsServers: [192.168.50.4]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg
                rules:
                  - {name: allow-clients, priority: 100, direction: Inbound, access: Allow, protocol: Tcp, source: VirtualNetwork, destination: "*", destinationPorts: [6379-6380]}
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis
            """),
        ["default-rule-blocks-dns-nsg-without-rules"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                dnsServers: [192.168.50.4, 192.168.50.5]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis
            """),
        ["flow-nsg-rules-list"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsg
            networkSecurityGroups:
              - name: redis-nsg
                rules: [{name: deny-all-out, priority: 150, direction: Outbound, access: Deny, protocol: "*", source: "*", destination: "*", destinationPorts: ["*"]}]
            caches:
              - name: sessions
                tier: Premium
                size: P1
                isolation:
                  vnetInjection:
                    subnet: hub/redis
            """),
        ["nsg-and-subnet-in-another-file"] = new Dictionary<string, string>
        {
            ["network.cachespec.yaml"] = Header + """
                networks:
                  - name: hub
                    addressSpace: [10.0.0.0/16]
                    subnets:
                      - name: redis
                        addressPrefix: 10.0.1.0/29
                        networkSecurityGroup: redis-nsg
                      - name: endpoints
                        addressPrefix: 10.0.2.0/24
                        networkSecurityGroup: endpoints-nsg
                networkSecurityGroups:
                  - name: redis-nsg
                    rules:
                      - {name: deny-internet-out, priority: 4000, direction: Outbound, access: Deny, protocol: "*", source: "*", destination: Internet, destinationPorts: ["*"]}
                  - name: endpoints-nsg
                    rules: []
                """,
            ["caches.cachespec.yaml"] = "apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: caches\n" + """
                caches:
                  - name: sessions
                    tier: Premium
                    size: P1
                    isolation:
                      vnetInjection:
                        subnet: hub/redis
                  - name: orders
                    tier: Premium
                    size: P1
                    isolation:
                      publicNetworkAccess: Disabled
                      privateEndpoints:
                        - name: pe-orders
                          subnet: hub/endpoint
                        - name: pe-orders-2
                          subnet: hub/endpoints
                """,
        },
        ["misspellings-and-quoting"] = One(Header + """
            guidance: 2020-10
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: 10.0.1.0/28
                    networkSecurityGroup: redis-nsgs
            networkSecurityGroups:
              - name: redis-nsg
                rules:
                  - {name: allow-storage, priority: 100, direction: Outbund, access: Allow, protocol: Tcp, source: "*", destination: Storag, destinationPorts: [443]}
            caches:
              - name: sessions
                tier: premium
                size: P1
                zones: [1, 2]
                tls: {minimumVersoin: "1.2", nonSslPort: "no"}
                persistence:
                  mode: rdb
                  storagefirewall: true
                isolation:
                  publicNetworkAccess: "Disabled"
                  vnetInjection:
                    subnet: hub/redis
              - name: orders
                tier: Premium
                size: P1
                tls:
                  minimumVersion: 1.2
                geoReplication:
                  linkedCache: sesions
                  role: primary
                isolation:
                  publicNetworkAccess: false
                  privateEndpoints:
                    - name: pe-orders
                      subnet: hub/redis
            """),
        ["missing-api-version-and-kind"] = One("""
            # A spec that forgot its header.
            metadata:
              name: test
            caches:
              - name: orders
                tier: Standard
                size: C1
                isolation:
                  publicNetworkAccess: Enabled
                  firewallRules:
                    - {name: office, startIp: 203.0.113.0, endIp: 203.0.113.255}
            """),
        ["prefixes-with-host-bits"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.5.0/16]
                subnets:
                  - name: apps
                    addressPrefix: 10.0.1.7/24
                  - name: endpoints
                    addressPrefix: 10.0.2.0/24
                  - name: overlapping
                    addressPrefix: 10.0.1.200/25
                    routes:
                      - {name: out, addressPrefix: 0.0.0.1/0, nextHop: Internet}
            """),
        ["subnet-too-small"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: redis
                    addressPrefix: "10.0.1.8/29"
                  - name: squeezed
                    addressPrefix: 10.0.3.0/29
                  - name: neighbour
                    addressPrefix: 10.0.3.8/29
            caches:
              - name: big
                tier: Premium
                size: P2
                shardCount: 2
                isolation:
                  vnetInjection: {subnet: hub/redis, staticIp: 10.0.1.12}
              - name: squeezed
                tier: Premium
                size: P1
                replicasPerPrimary: 3
                isolation:
                  vnetInjection:
                    subnet: hub/squeezed
            """),
        ["premium-and-sizes"] = One(Header + """
            caches:
              - name: basic-clustered
                tier: Basic
                size: C4
                shardCount: 2
                persistence: {mode: aof}
                isolation:
                  publicNetworkAccess: Enabled
                  firewallRules:
                    - {name: office, startIp: 203.0.113.0, endIp: 203.0.113.255}
              - name: enterprise-geo
                tier: Enterprise
                size: E20
                geoReplication: {linkedCache: basic-clustered, role: secondary}
                isolation:
                  publicNetworkAccess: Enabled
                  firewallRules:
                    - {name: office, startIp: 203.0.113.255, endIp: 203.0.113.0}
              - name: premium-with-c-size
                tier: Premium
                size: C6
                isolation: {publicNetworkAccess: Enabled, firewallRules: [{name: office, startIp: 203.0.113.0, endIp: 203.0.113.255}]}
            """),
        ["private-endpoint-details"] = One(Header + """
            networks:
              - name: hub
                addressSpace: [10.0.0.0/16]
                subnets:
                  - name: endpoints
                    addressPrefix: 10.0.2.0/24
                    networkSecurityGroup: endpoints-nsg
            networkSecurityGroups:
              - name: endpoints-nsg
                rules: []
            caches:
              - name: search
                tier: EnterpriseFlash
                size: F300
                isolation:
                  privateEndpoints:
                    - {name: pe-search, subnet: hub/endpoints, groupId: redisCache, privateDnsZone: 'privatelink.redis.cache.windows.net'}
              - name: clustered
                tier: Premium
                size: P1
                shardCount: 2
                tls:
                  minimumVersion: '1.1'
                  nonSslPort: True
                isolation:
                  privateEndpoints:
                    - name: pe-clustered
                      subnet: hub/endpoints
            """),
        ["crlf-line-breaks"] = One((Header + Hub + """
            caches:
              - name: orders
                tier: Premium
                size: P1
                isolation:
                  privateEndpoints:
                    - name: pe-orders
                      subnet: hub/endpoints
            """).Replace("\n", "\r\n")),
        ["anchors-are-left-alone"] = One(Header + Hub + """
            caches:
              - name: orders
                tier: Premium
                size: P1
                isolation:
                  publicNetworkAccess: &open Enabled
                  privateEndpoints:
                    - name: pe-orders
                      subnet: hub/endpoints
              - name: more
                tier: Premium
                size: P1
                isolation:
                  publicNetworkAccess: *open
                  privateEndpoints:
                    - name: pe-more
                      subnet: hub/endpoints
            """),
    };

    private static IReadOnlyDictionary<string, string> One(string text) => new Dictionary<string, string> { ["test.cachespec.yaml"] = text };
}
