using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class VnetInjectionModel
{
    public required CacheModel Cache { get; init; }
    /// <summary>The "vnetInjection" key, where most injection findings point.</summary>
    public required SyntaxNode Key { get; init; }
    public MappingSyntax? Syntax { get; init; }
    public Located<string>? Subnet { get; init; }
    public Located<Ipv4Address>? StaticIp { get; init; }
}
