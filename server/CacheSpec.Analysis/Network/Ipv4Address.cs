using System.Globalization;

namespace CacheSpec.Analysis.Network;

/// <summary>An IPv4 address as a 32-bit number, parsed strictly from dotted-decimal text (four parts, 0..255, no leading zeros).</summary>
public readonly record struct Ipv4Address(uint Value) : IComparable<Ipv4Address>
{
    public static bool TryParse(string text, out Ipv4Address address)
    {
        address = default;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        uint value = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
            var octet = int.Parse(part, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }
            value = (value << 8) | (uint)octet;
        }
        address = new Ipv4Address(value);
        return true;
    }

    /// <summary>Inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918).</summary>
    public bool IsPrivate =>
        (Value & 0xFF000000) == 0x0A000000 || (Value & 0xFFF00000) == 0xAC100000 || (Value & 0xFFFF0000) == 0xC0A80000;

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value >> 24}.{(Value >> 16) & 255}.{(Value >> 8) & 255}.{Value & 255}";
}
