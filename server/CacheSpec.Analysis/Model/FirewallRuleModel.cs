using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class FirewallRuleModel
{
    private CacheModel cache = null!;

    public required CacheModel Cache { get => cache; init => cache = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? StartIpText { get; init; }
    public Located<string>? EndIpText { get; init; }

    /// <summary>An Azure Managed Redis rule's source (v1.1): an IPv4 address, a CIDR or a service tag.</summary>
    public Located<string>? SourceText { get; init; }

    public Ipv4Address? StartIp =>
        StartIpText is { } text && Ipv4Address.TryParse(text.Value, out var address) ? address : null;

    public Ipv4Address? EndIp =>
        EndIpText is { } text && Ipv4Address.TryParse(text.Value, out var address) ? address : null;

    /// <summary>
    /// A copy that belongs to the cache's copy in the next version of the document (see
    /// <see cref="CacheModel.MovedTo"/>).
    /// </summary>
    internal FirewallRuleModel MovedTo(CacheModel newCache)
    {
        var copy = (FirewallRuleModel)MemberwiseClone();
        copy.cache = newCache;
        return copy;
    }
}
