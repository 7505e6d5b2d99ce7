using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

public sealed class PrivateEndpointModel
{
    private CacheModel cache = null!;

    public required CacheModel Cache { get => cache; init => cache = value; }
    public required MappingSyntax Syntax { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? Subnet { get; init; }
    public Located<string>? GroupId { get; init; }
    public Located<string>? PrivateDnsZone { get; init; }

    /// <summary>
    /// A copy that belongs to the cache's copy in the next version of the document (see
    /// <see cref="CacheModel.MovedTo"/>).
    /// </summary>
    internal PrivateEndpointModel MovedTo(CacheModel newCache)
    {
        var copy = (PrivateEndpointModel)MemberwiseClone();
        copy.cache = newCache;
        return copy;
    }
}
