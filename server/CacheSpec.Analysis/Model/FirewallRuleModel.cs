using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class FirewallRuleModel
{
    public required CacheModel Cache { get; init; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? StartIpText { get; init; }
    public Located<string>? EndIpText { get; init; }

    public Ipv4Address? StartIp => StartIpText is { } text && Ipv4Address.TryParse(text.Value, out var address) ? address : null;

    public Ipv4Address? EndIp => EndIpText is { } text && Ipv4Address.TryParse(text.Value, out var address) ? address : null;
}
