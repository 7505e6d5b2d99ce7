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
            .Concat(Facts.VnetFlows.Select(row => ($"{row.Direction} {row.Ports}", row.Source)))
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
        Assert.All(Facts.Sizes, size => Assert.True(size.MemoryGb > 0 && size.Name.StartsWith(size.Family,
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

    [Fact]
    public void Every_flow_of_an_injected_cache_reads_as_ports_a_protocol_and_far_ends_the_engine_knows()
    {
        var ends = new[] { "subnet", "clients", "dnsServers", "geoReplicas" }.Concat(Facts.ServiceTags.Select(tag =>
            tag.Name)).ToHashSet();
        Assert.All(Facts.VnetFlows, flow =>
        {
            Assert.Contains(flow.Direction, new[] { "Inbound", "Outbound" });
            Assert.True(Enum.TryParse<TrafficProtocol>(flow.Protocol, out _), flow.Protocol);
            Assert.True(PortRange.TryParse(flow.Ports, out _), flow.Ports);
            Assert.All(flow.Remotes, remote => Assert.Contains(remote, ends));
        });
        var inbound = VnetRequirements.Inbound(new Ipv4Range(new Ipv4Address(0x0A000100), new Ipv4Address(0x0A00010F)),
            []);
        Assert.Equal(Facts.VnetFlows.Where(flow => flow.Direction == "Inbound" && !flow.Remotes.Contains("geoReplicas"))
            .Sum(flow => flow.Remotes.Count), inbound.Count);
    }

    [Fact]
    public void A_malformed_catalog_is_refused_loudly()
    {
        Assert.ThrowsAny<Exception>(() => AzureFacts.Load("""{"tiers": [{"name": "Basic"}]}"""));
    }
}
