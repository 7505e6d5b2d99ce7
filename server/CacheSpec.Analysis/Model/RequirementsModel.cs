using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>What a cache must offer, as its spec states (format v1.1); absent values state nothing.</summary>
public sealed class RequirementsModel
{
    /// <summary>The "requirements" key.</summary>
    public required SyntaxNode Key { get; init; }
    public Located<InternetAccess>? InternetAccess { get; init; }
    public Located<bool>? GeoReplication { get; init; }
    public Located<bool>? Clustering { get; init; }
    public Located<bool>? OnPremisesClients { get; init; }
    public Located<bool>? PersistenceToFirewalledStorage { get; init; }
    public Located<CacheTier>? MaxTier { get; init; }
    public Located<DateOnly>? SupportedUntil { get; init; }
}
