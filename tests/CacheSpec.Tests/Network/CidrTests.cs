using CacheSpec.Analysis.Network;

namespace CacheSpec.Tests.Network;

public class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", 65536, 65531)]
    [InlineData("10.0.1.0/29", 8, 3)]
    [InlineData("10.0.1.0/28", 16, 11)]
    [InlineData("10.0.1.0/27", 32, 27)]
    [InlineData("10.0.1.7/32", 1, 0)]
    [InlineData("0.0.0.0/0", 4294967296, 4294967291)]
    public void Counts_addresses_and_usable_addresses(string text, long count, long usable)
    {
        Assert.True(Cidr.TryParse(text, out var cidr));
        Assert.Equal((ulong)count, cidr.AddressCount);
        Assert.Equal(usable, cidr.UsableAddresses);
    }

    [Theory]
    [InlineData("10.0.1.1/24", "host bits are set (the network of this prefix is 10.0.1.0/24)")]
    [InlineData("10.0.1.0", "it has no '/prefix' length")]
    [InlineData("10.0.1.0/33", "'/33' is not a prefix length between 0 and 32")]
    [InlineData("10.0.256.0/24", "'10.0.256.0' is not an IPv4 address")]
    [InlineData("10.0.01.0/24", "'10.0.01.0' is not an IPv4 address")]
    [InlineData("10.0.1.0/", "'/' is not a prefix length between 0 and 32")]
    [InlineData("fd00::/8", "'fd00::' is not an IPv4 address")]
    public void Rejects_invalid_prefixes_with_a_reason(string text, string reason)
    {
        Assert.False(Cidr.TryParse(text, out _, out var problem));
        Assert.Equal(reason, problem);
    }

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("10.1.2.3", 0x0A010203u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("168.63.129.16", 0xA83F8110u)]
    public void Reads_dotted_decimal_addresses(string text, uint value)
    {
        Assert.True(Ipv4Address.TryParse(text, out var address));
        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.1.")]
    [InlineData("10.0.0.1.5")]
    [InlineData(".10.0.0")]
    [InlineData("10..0.1")]
    [InlineData("10.0.0.256")]
    [InlineData("10.0.0.01")]
    [InlineData("10.0.0.1000")]
    [InlineData("10.0.0.-1")]
    [InlineData("10.0.0.+1")]
    [InlineData("10.0.0. 1")]
    [InlineData("10.0.0.1 ")]
    [InlineData("10.0.0.١")]
    public void Rejects_anything_but_four_plain_octets(string text) => Assert.False(Ipv4Address.TryParse(text, out _));

    [Fact]
    public void Containment_and_overlap()
    {
        Assert.True(Cidr.TryParse("10.0.0.0/16", out var space));
        Assert.True(Cidr.TryParse("10.0.1.0/24", out var inside));
        Assert.True(Cidr.TryParse("10.0.1.128/25", out var overlapping));
        Assert.True(Cidr.TryParse("10.1.0.0/24", out var outside));
        Assert.True(space.Range.Contains(inside.Range));
        Assert.False(space.Range.Contains(outside.Range));
        Assert.True(inside.Range.Overlaps(overlapping.Range));
        Assert.False(inside.Range.Overlaps(outside.Range));
    }

    [Theory]
    [InlineData("10.0.1.0", true)]
    [InlineData("10.0.1.1", true)]
    [InlineData("10.0.1.3", true)]
    [InlineData("10.0.1.4", false)]
    [InlineData("10.0.1.14", false)]
    [InlineData("10.0.1.15", true)]
    public void Azure_reserves_the_first_four_and_the_last_address(string address, bool reserved)
    {
        Assert.True(Cidr.TryParse("10.0.1.0/28", out var subnet));
        Assert.True(Ipv4Address.TryParse(address, out var ip));
        Assert.Equal(reserved, subnet.IsAzureReserved(ip));
    }

    [Theory]
    [InlineData(3, 29)]
    [InlineData(4, 28)]
    [InlineData(11, 28)]
    [InlineData(12, 27)]
    [InlineData(121, 25)]
    public void Finds_the_smallest_subnet_that_fits(long needed, int prefix) => Assert.Equal(prefix,
        Cidr.LongestPrefixFor(needed));

    [Theory]
    [InlineData("224.0.0.0/4", "multicast")]
    [InlineData("127.0.0.0/16", "loopback")]
    [InlineData("169.254.10.0/24", "link-local")]
    [InlineData("168.63.0.0/16", "Azure's internal DNS and health probe address")]
    public void Finds_reserved_ranges(string text, string purpose)
    {
        Assert.True(Cidr.TryParse(text, out var cidr));
        Assert.Equal(purpose, ReservedRanges.FirstOverlap(cidr.Range)?.Purpose);
    }

    [Fact]
    public void Private_ranges_are_not_reserved()
    {
        Assert.True(Cidr.TryParse("10.0.0.0/8", out var cidr));
        Assert.Null(ReservedRanges.FirstOverlap(cidr.Range));
    }

    [Theory]
    [InlineData("443", 443, 443)]
    [InlineData("6379-6380", 6379, 6380)]
    [InlineData("*", 0, 65535)]
    public void Parses_ports(string text, int first, int last)
    {
        Assert.True(PortRange.TryParse(text, out var range));
        Assert.Equal(new PortRange(first, last), range);
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("20-10")]
    [InlineData("http")]
    [InlineData("")]
    public void Rejects_bad_ports(string text) => Assert.False(PortRange.TryParse(text, out _));
}
