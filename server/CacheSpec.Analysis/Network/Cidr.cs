using System.Globalization;

namespace CacheSpec.Analysis.Network;

/// <summary>An IPv4 prefix such as 10.0.1.0/28, with its host bits zero.</summary>
public readonly record struct Cidr(Ipv4Address Network, int PrefixLength)
{
    /// <summary>
    /// Azure keeps five addresses of every subnet: the network address, the gateway, two for DNS, and the broadcast
    /// address.
    /// </summary>
    public const int AzureReservedAddresses = 5;

    public ulong AddressCount => 1UL << (32 - PrefixLength);

    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public Ipv4Range Range => new(Network, new Ipv4Address(Network.Value | ~Mask));

    /// <summary>
    /// Addresses left for resources once Azure has taken its five: 2^(32-prefix) - 5 (never negative).
    /// </summary>
    public long UsableAddresses => Math.Max(0, (long)AddressCount - AzureReservedAddresses);

    /// <summary>True for the first four addresses and the last one, which Azure reserves in every subnet.</summary>
    public bool IsAzureReserved(Ipv4Address address)
    {
        var offset = address.Value - Network.Value;
        return offset < 4 || address == Range.Last;
    }

    public static Cidr FromAddress(Ipv4Address address) => new(address, 32);

    /// <summary>Parses "a.b.c.d/n"; on failure says why in words a message can quote.</summary>
    public static bool TryParse(string text, out Cidr cidr, out string? problem)
    {
        cidr = default;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            problem = "it has no '/prefix' length";
            return false;
        }
        if (!Ipv4Address.TryParse(text.AsSpan(0, slash), out var address))
        {
            problem = $"'{text[..slash]}' is not an IPv4 address";
            return false;
        }
        var prefixText = text.AsSpan(slash + 1);
        if (prefixText.Length is 0 or > 2 || prefixText.ContainsAnyExceptInRange('0', '9')
            || (prefixText.Length > 1 && prefixText[0] == '0'))
        {
            problem = $"'/{prefixText}' is not a prefix length between 0 and 32";
            return false;
        }
        var prefix = int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (prefix > 32)
        {
            problem = $"'/{prefixText}' is not a prefix length between 0 and 32";
            return false;
        }
        var candidate = new Cidr(address, prefix);
        if ((address.Value & ~candidate.Mask) != 0)
        {
            var network = new Cidr(new Ipv4Address(address.Value & candidate.Mask), prefix);
            problem = $"host bits are set (the network of this prefix is {network})";
            return false;
        }
        cidr = candidate;
        problem = null;
        return true;
    }

    public static bool TryParse(string text, out Cidr cidr) => TryParse(text, out cidr, out _);

    /// <summary>
    /// The smallest prefix length (largest subnet size is the caller's concern) whose usable addresses reach the count.
    /// </summary>
    public static int LongestPrefixFor(long usableAddressesNeeded)
    {
        for (var prefix = 29; prefix >= 0; prefix--)
        {
            if ((1L << (32 - prefix)) - AzureReservedAddresses >= usableAddressesNeeded)
            {
                return prefix;
            }
        }
        return 0;
    }

    public override string ToString() => $"{Network}/{PrefixLength}";
}
