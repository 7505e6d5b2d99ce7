using CacheSpec.Analysis.Fixes;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The rules that format v1.1 extends to the Azure Managed Redis tiers: sizes from the generated facts, group id
/// redisEnterprise, zone privatelink.redis.azure.net, and VNet injection, which Azure Managed Redis does not have.
/// </summary>
public class ManagedRedisTierTests
{
    private const string Network = """
        networks:
          - name: hub
            addressSpace: [10.0.0.0/16]
            subnets:
              - { name: endpoints, addressPrefix: 10.0.1.0/24 }
              - { name: redis, addressPrefix: 10.0.2.0/24 }

        """;

    private static string Cache(string tier, string size, string isolation) => Specs.Header + Network +
        $"caches:\n  - name: amr\n    tier: {tier}\n    size: {size}\n    isolation:\n{isolation}";

    private static string Endpoint(string groupId, string zone) =>
        "      publicNetworkAccess: Disabled\n      privateEndpoints:\n        - name: pe\n" +
        $"          subnet: hub/endpoints\n          groupId: {groupId}\n          privateDnsZone: {zone}\n";

    private static string[] Messages(string text, string code) =>
        Specs.Analyze(text).Diagnostics.Where(d => d.Code == code).Select(d => d.Message).ToArray();

    [Theory]
    [InlineData("Balanced", "B5")]
    [InlineData("MemoryOptimized", "M2000")]
    [InlineData("ComputeOptimized", "X3")]
    [InlineData("FlashOptimized", "A4500")]
    public void A_managed_redis_cache_with_its_tiers_size_group_id_and_zone_is_clean(string tier, string size)
    {
        var text = Cache(tier, size, Endpoint("redisEnterprise", "privatelink.redis.azure.net"));
        Assert.Empty(Specs.Analyze(text).Diagnostics);
    }

    [Fact]
    public void A_size_of_another_family_is_invalid_for_the_tier()
    {
        var message = Assert.Single(Messages(Cache("Balanced", "M10",
            Endpoint("redisEnterprise", "privatelink.redis.azure.net")), "invalid-size-for-tier"));
        Assert.StartsWith("Size 'M10' does not belong to the Balanced tier; Balanced sizes are B0, B1, B3,", message);
    }

    [Fact]
    public void The_group_id_and_the_zone_are_those_of_managed_redis()
    {
        var text = Cache("Balanced", "B5", Endpoint("redisCache",
            "privatelink.redisenterprise.cache.azure.net"));
        Assert.Contains("uses 'redisEnterprise'", Assert.Single(Messages(text, "private-endpoint-group-id")));
        Assert.Contains("'privatelink.redis.azure.net'", Assert.Single(Messages(text, "private-dns-zone")));
    }

    [Fact]
    public void Vnet_injection_on_managed_redis_is_said_not_to_exist_there_and_offers_no_move_to_premium()
    {
        var text = Cache("ComputeOptimized", "X5", "      vnetInjection:\n        subnet: hub/redis\n");
        var analysis = Specs.Analyze(text);
        var finding = Assert.Single(analysis.Diagnostics, d => d.Code == "vnet-injection-requires-premium");
        Assert.Equal("Cache 'amr' is ComputeOptimized, an Azure Managed Redis tier, and VNet injection is not " +
            "available on Azure Managed Redis: use a private endpoint.", finding.Message);
        Assert.Empty(CodeFixes.For(analysis, finding));
    }
}
