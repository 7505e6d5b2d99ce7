using System.Text.RegularExpressions;
using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>The facts catalog the engine ships: every row sourced and dated, its tables consistent, and the format
/// built from it.</summary>
public class AzureFactsTests
{
    private static readonly AzureFacts Facts = AzureFacts.Catalog;

    private static IEnumerable<(string Row, FactSource Source)> Rows() =>
        Facts.Tiers.Select(row => (row.Name, row.Source))
            .Concat(Facts.Services.Select(row => (row.Name, row.Source)))
            .Concat(Facts.Sizes.Select(row => (row.Name, row.Source)))
            .Concat(Facts.ServiceTags.Select(row => (row.Name, row.Source)))
            .Concat(AzureFacts.NsgTableProfiles.SelectMany(profile => Facts.NsgTable(profile)
                .Select(row => ($"{profile} {row.Direction} {string.Join(", ", row.Ports)} {row.Remote}", row.Source))))
            .Concat(Facts.Clouds.SelectMany(row =>
                row.ZoneSources.Select(zone => ($"{row.Name} {zone.Key}", zone.Value))))
            .Concat(Facts.Limits.Select(row => (row.Name, row.Source)))
            .Concat(Facts.ReservedRanges.Select(row => (row.Prefix, row.Source)));

    [Fact]
    public void Every_row_names_a_source_the_guidance_lists_and_a_date_not_in_the_future()
    {
        var overview = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "guidance", "overview.md"));
        var listed = Regex.Matches(overview, @"\[(S\d+)\]").Select(match => match.Groups[1].Value).ToHashSet();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(Rows(), row =>
        {
            Assert.True(listed.Contains(row.Source.Id),
                $"{row.Row}: source {row.Source.Id} is not in docs/guidance/overview.md");
            Assert.True(row.Source.Date >= new DateOnly(2017, 1, 1) && row.Source.Date <= today,
                $"{row.Row}: date {row.Source.Date}");
        });
    }

    [Fact]
    public void Every_tier_has_a_service_and_sizes_and_every_size_a_tier()
    {
        Assert.Equal(Enum.GetNames<CacheTier>(), Facts.Tiers.Select(tier => tier.Name));
        Assert.All(Facts.Tiers, tier =>
        {
            Assert.Single(Facts.Services, service => service.Name == tier.Service);
            Assert.NotEmpty(Facts.SizesOfTier(tier.Name));
        });
        Assert.All(Facts.Sizes, size => Assert.Contains(Facts.Tiers, tier => tier.SizeFamily == size.Family));
        // The generated Azure Managed Redis sizes record no memory.
        Assert.All(Facts.Sizes, size => Assert.True(size.MemoryGb is null or > 0 && size.Name.StartsWith(size.Family,
            StringComparison.Ordinal), size.Name));
        Assert.Equal(Facts.Sizes.Count, Facts.Sizes.Select(size => size.Name).Distinct().Count());
    }

    [Fact]
    public void The_retirement_dates_are_those_announced()
    {
        Assert.All(Facts.Tiers.Where(tier => tier.Service == "cache"), tier => Assert.Equal(new DateOnly(2028, 9, 30),
            tier.Retires));
        Assert.All(Facts.Tiers.Where(tier => tier.Service == "enterprise"), tier => Assert.Equal(new DateOnly(2027, 3,
            31), tier.Retires));
        Assert.All(Facts.Tiers.Where(tier => tier.Service == "managedRedis"), tier => Assert.Null(tier.Retires));
    }

    [Fact]
    public void The_format_is_built_from_the_catalog()
    {
        Assert.Equal(Facts.Tiers.Select(tier => tier.Name), SpecFormat.Tiers);
        Assert.Equal(Facts.ServiceTags.Select(tag => tag.Name), SpecFormat.ServiceTags);
        var sizes = (ScalarType)SpecFormat.Cache.Find("size")!.Type;
        Assert.Equal(Facts.Sizes.Select(size => size.Name), sizes.EnumValues);
        var shards = (ScalarType)SpecFormat.Cache.Find("shardCount")!.Type;
        Assert.Equal((1, 30), (shards.Minimum, shards.Maximum));
    }

    [Theory]
    [InlineData("2020-10")]
    [InlineData("current")]
    public void Every_row_of_an_nsg_table_reads_as_ports_a_protocol_and_ends_the_engine_knows(string profile)
    {
        var ends = new[] { "*", "redisSubnet", "dnsServers", "geoReplicaSubnets",
            profile == "2020-10" ? "virtualNetwork" : "clientSubnets" }
            .Concat(Facts.ServiceTags.Select(tag => tag.Name)).ToHashSet();
        var table = Facts.NsgTable(profile);
        Assert.NotEmpty(table);
        Assert.All(table, row =>
        {
            Assert.Contains(row.Direction, new[] { "Inbound", "Outbound" });
            Assert.True(Enum.TryParse<TrafficProtocol>(row.Protocol, out _), row.Protocol);
            Assert.NotEmpty(row.Ports);
            Assert.All(row.Ports, ports => Assert.True(PortRange.TryParse(ports, out _), ports));
            Assert.Equal("redisSubnet", row.Local);
            Assert.Contains(row.Remote, ends);
            Assert.False(string.IsNullOrWhiteSpace(row.Purpose));
        });
        // One row per far end and ports: no row twice.
        Assert.Equal(table.Count, table.Select(row => (row.Direction, row.Protocol, string.Join(",", row.Ports),
            row.Remote)).Distinct().Count());
    }

    [Fact]
    public void The_tables_keep_the_2020_virtual_network_source_where_the_current_one_names_client_subnets()
    {
        Assert.Contains(Facts.NsgTable("2020-10"), row => row.Remote == "virtualNetwork");
        Assert.DoesNotContain(Facts.NsgTable("2020-10"), row => row.Remote == "clientSubnets");
        Assert.Contains(Facts.NsgTable("current"), row => row.Remote == "clientSubnets");
        Assert.DoesNotContain(Facts.NsgTable("current"), row => row.Remote == "virtualNetwork");
    }

    [Fact]
    public void A_malformed_catalog_is_refused_loudly()
    {
        Assert.ThrowsAny<Exception>(() => AzureFacts.Load("""{"tiers": [{"name": "Basic"}]}"""));
        Assert.ThrowsAny<Exception>(() => AzureFacts.LoadNsgTable("""{"rows": [{"direction": "Inbound"}]}"""));
    }
}
