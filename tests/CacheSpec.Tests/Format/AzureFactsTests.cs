using System.Text.RegularExpressions;
using CacheSpec.Analysis.Facts;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>The facts catalog the engine ships: every row sourced and dated, its tables consistent, and the format built from it.</summary>
public class AzureFactsTests
{
    private static readonly AzureFacts Facts = AzureFacts.Catalog;

    private static IEnumerable<(string Row, FactSource Source)> Rows() =>
        Facts.Tiers.Select(row => (row.Name, row.Source))
            .Concat(Facts.Services.Select(row => (row.Name, row.Source)))
            .Concat(Facts.Sizes.Select(row => (row.Name, row.Source)))
            .Concat(Facts.ServiceTags.Select(row => (row.Name, row.Source)))
            .Concat(Facts.ReservedRanges.Select(row => (row.Prefix, row.Source)));

    [Fact]
    public void Every_row_names_a_source_the_guidance_lists_and_a_date_not_in_the_future()
    {
        var overview = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "guidance", "overview.md"));
        var listed = Regex.Matches(overview, @"\[(S\d+)\]").Select(match => match.Groups[1].Value).ToHashSet();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(Rows(), row =>
        {
            Assert.True(listed.Contains(row.Source.Id), $"{row.Row}: source {row.Source.Id} is not in docs/guidance/overview.md");
            Assert.True(row.Source.Date >= new DateOnly(2017, 1, 1) && row.Source.Date <= today, $"{row.Row}: date {row.Source.Date}");
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
        Assert.All(Facts.Sizes, size => Assert.True(size.MemoryGb > 0 && size.Name.StartsWith(size.Family, StringComparison.Ordinal), size.Name));
        Assert.Equal(Facts.Sizes.Count, Facts.Sizes.Select(size => size.Name).Distinct().Count());
    }

    [Fact]
    public void The_retirement_dates_are_those_announced()
    {
        Assert.All(Facts.Tiers.Where(tier => tier.Service == "cache"), tier => Assert.Equal(new DateOnly(2028, 9, 30), tier.Retires));
        Assert.All(Facts.Tiers.Where(tier => tier.Service == "enterprise"), tier => Assert.Equal(new DateOnly(2027, 3, 31), tier.Retires));
    }

    [Fact]
    public void The_format_is_built_from_the_catalog()
    {
        Assert.Equal(Facts.Tiers.Select(tier => tier.Name), SpecFormat.Tiers);
        Assert.Equal(Facts.ServiceTags.Select(tag => tag.Name), SpecFormat.ServiceTags);
        var sizes = (ScalarType)SpecFormat.Cache.Find("size")!.Type;
        Assert.Equal(Facts.Sizes.Select(size => size.Name), sizes.EnumValues);
    }

    [Fact]
    public void A_malformed_catalog_is_refused_loudly()
    {
        Assert.ThrowsAny<Exception>(() => AzureFacts.Load("""{"tiers": [{"name": "Basic"}]}"""));
    }
}
