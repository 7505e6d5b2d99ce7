using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// A peering a network declares (format v1.1), written as the peer's name or as a mapping with <c>network</c>.
/// </summary>
public sealed class PeeringModel
{
    /// <summary>The list item: the name scalar of the short form, the mapping of the long form.</summary>
    public required SyntaxNode Syntax { get; init; }

    /// <summary>The peer network's name.</summary>
    public Located<string>? Network { get; init; }

    /// <summary>Whether the peer reaches on-premises networks through this network's gateway; absent: false.</summary>
    public Located<bool>? UseRemoteGateways { get; init; }
}
