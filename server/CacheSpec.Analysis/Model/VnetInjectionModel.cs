using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class VnetInjectionModel
{
    private CacheModel cache = null!;

    public required CacheModel Cache { get => cache; init => cache = value; }
    /// <summary>The "vnetInjection" key, where most injection findings point.</summary>
    public required SyntaxNode Key { get; init; }
    public MappingSyntax? Syntax { get; init; }
    public Located<string>? Subnet { get; init; }
    public Located<Ipv4Address>? StaticIp { get; init; }

    /// <summary>
    /// A copy that belongs to the cache's copy in the next version of the document (see
    /// <see cref="CacheModel.MovedTo"/>).
    /// </summary>
    internal VnetInjectionModel MovedTo(CacheModel newCache)
    {
        var copy = (VnetInjectionModel)MemberwiseClone();
        copy.cache = newCache;
        return copy;
    }
}
