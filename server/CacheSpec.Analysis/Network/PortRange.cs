using System.Globalization;

namespace CacheSpec.Analysis.Network;

/// <summary>An inclusive range of TCP/UDP ports; "*" is 0-65535.</summary>
public readonly record struct PortRange(int First, int Last)
{
    public static readonly PortRange Any = new(0, 65535);

    public static PortRange Single(int port) => new(port, port);

    public bool Contains(int port) => port >= First && port <= Last;

    public bool Overlaps(PortRange other) => First <= other.Last && other.First <= Last;

    /// <summary>Parses a port number, "a-b" or "*".</summary>
    public static bool TryParse(string text, out PortRange range)
    {
        range = default;
        text = text.Trim();
        if (text == "*")
        {
            range = Any;
            return true;
        }
        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            if (TryPort(text, out var port))
            {
                range = Single(port);
                return true;
            }
            return false;
        }
        if (TryPort(text[..dash], out var first) && TryPort(text[(dash + 1)..], out var last) && first <= last)
        {
            range = new PortRange(first, last);
            return true;
        }
        return false;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    public override string ToString() =>
        First == 0 && Last == 65535 ? "*" : First == Last ? First.ToString(CultureInfo.InvariantCulture)
        : $"{First}-{Last}";
}
