using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// A value read from the spec, with the nodes it came from so a diagnostic can point at the key or the value.
/// </summary>
public sealed record Located<T>(T Value, SyntaxNode Node, SyntaxNode? Key = null)
{
    /// <summary>The key when there is one (a mapping entry), else the value itself (a list item).</summary>
    public SyntaxNode KeyOrNode => Key ?? Node;
}
