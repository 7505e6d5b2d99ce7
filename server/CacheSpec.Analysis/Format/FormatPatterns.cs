using System.Text.RegularExpressions;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// The format's patterns as source-generated regular expressions: every scalar of a document is checked on every
/// keystroke, and generated matchers are several times faster than the interpreter (Native AOT has no compiled regular
/// expressions).
/// </summary>
internal static partial class FormatPatterns
{
    /// <summary>
    /// The matcher for a pattern: the generated one for the format's own patterns, an interpreted one for any other.
    /// </summary>
    public static Regex For(string pattern) => pattern switch
    {
        SpecFormat.NamePattern => Name(),
        SpecFormat.SubnetReferencePattern => SubnetReference(),
        SpecFormat.CidrPattern => Cidr(),
        SpecFormat.IpAddressPattern => IpAddress(),
        SpecFormat.PortPattern => Port(),
        SpecFormat.DnsZonePattern => DnsZone(),
        SpecFormat.DatePattern => Date(),
        _ => new Regex(pattern, RegexOptions.CultureInvariant),
    };

    [GeneratedRegex(SpecFormat.NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(SpecFormat.SubnetReferencePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SubnetReference();

    [GeneratedRegex(SpecFormat.CidrPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Cidr();

    [GeneratedRegex(SpecFormat.IpAddressPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IpAddress();

    [GeneratedRegex(SpecFormat.PortPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Port();

    [GeneratedRegex(SpecFormat.DnsZonePattern, RegexOptions.CultureInvariant)]
    private static partial Regex DnsZone();

    [GeneratedRegex(SpecFormat.DatePattern, RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
