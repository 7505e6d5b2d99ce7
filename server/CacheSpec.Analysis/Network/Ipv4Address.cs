using System.Globalization;

namespace CacheSpec.Analysis.Network;

/// <summary>
/// An IPv4 address as a 32-bit number, parsed strictly from dotted-decimal text (four parts, 0..255, no leading zeros).
/// </summary>
public readonly record struct Ipv4Address(uint Value) : IComparable<Ipv4Address>
{
    public static bool TryParse(string text, out Ipv4Address address) => TryParse(text.AsSpan(), out address);

    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = default;
        uint value = 0;
        for (var part = 0; part < 4; part++)
        {
            var dot = text.IndexOf('.');
            if ((dot >= 0) != (part < 3))
            {
                return false;
            }
            var octetText = dot >= 0 ? text[..dot] : text;
            if (octetText.Length is 0 or > 3 || (octetText.Length > 1 && octetText[0] == '0')
                || octetText.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
            var octet = int.Parse(octetText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }
            value = (value << 8) | (uint)octet;
            text = dot >= 0 ? text[(dot + 1)..] : ReadOnlySpan<char>.Empty;
        }
        address = new Ipv4Address(value);
        return true;
    }

    /// <summary>Inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (RFC 1918).</summary>
    public bool IsPrivate =>
        (Value & 0xFF000000) == 0x0A000000 || (Value & 0xFFF00000) == 0xAC100000 || (Value & 0xFFFF0000) == 0xC0A80000;

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value >> 24}.{(Value >> 16) & 255}.{(Value >> 8) & 255}.{Value & 255}";

    public static bool operator <(Ipv4Address left, Ipv4Address right) => left.CompareTo(right) < 0;

    public static bool operator <=(Ipv4Address left, Ipv4Address right) => left.CompareTo(right) <= 0;

    public static bool operator >(Ipv4Address left, Ipv4Address right) => left.CompareTo(right) > 0;

    public static bool operator >=(Ipv4Address left, Ipv4Address right) => left.CompareTo(right) >= 0;
}
