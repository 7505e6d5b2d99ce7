using System.Text.RegularExpressions;

namespace CacheSpec.Analysis.Format;

/// <summary>A scalar value: its kind, and the enum values, pattern or range that constrain it.</summary>
public sealed class ScalarType : TypeDefinition
{
    public ScalarType(ValueKind kind) => Kind = kind;

    public ValueKind Kind { get; }

    public IReadOnlyList<string> EnumValues { get; init; } = Array.Empty<string>();

    /// <summary>A regular expression the text must match (also written into the JSON Schema).</summary>
    public string? Pattern
    {
        get => pattern;
        init
        {
            pattern = value;
            PatternRegex = value is null ? null : FormatPatterns.For(value);
        }
    }

    public Regex? PatternRegex { get; private init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    /// <summary>
    /// The rule that reports this value's problems beyond being a scalar (invalid-cidr for prefixes,
    /// firewall-rule-invalid-range for firewall addresses); the format validator then checks only that a scalar stands
    /// here, so nothing is reported twice.
    /// </summary>
    public string? CheckedByRule { get; init; }

    public override string Expected => Kind switch
    {
        ValueKind.Integer => "an integer",
        ValueKind.Boolean => "true or false",
        ValueKind.Enum => "one of " + string.Join(", ", EnumValues),
        ValueKind.Cidr => "an IPv4 prefix such as 10.0.1.0/24",
        ValueKind.IpAddress => "an IPv4 address",
        ValueKind.Port => "a port, a range \"a-b\" or \"*\"",
        ValueKind.SubnetReference => "a subnet reference \"network/subnet\"",
        ValueKind.NsgReference => "the name of a network security group",
        ValueKind.CacheReference => "the name of a cache",
        ValueKind.AddressSelector => "a CIDR, an IPv4 address, a service tag, a subnet reference or \"*\"",
        ValueKind.NetworkReference => "the name of a network",
        ValueKind.ClientSource => "a subnet reference \"network/subnet\", a network name, or an IPv4 CIDR or address",
        ValueKind.FirewallSource => "an IPv4 address, a CIDR or a service tag",
        ValueKind.Date => "a date yyyy-MM-dd",
        _ => "a string",
    };

    private readonly string? pattern;
}
