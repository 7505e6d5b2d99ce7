using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>A node of the positioned YAML tree: a scalar, a mapping, a sequence or an alias.</summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(TextSpan span) => Span = span;

    /// <summary>
    /// The node's text, from its first to its last character (for a collection, up to its last item).
    /// </summary>
    public TextSpan Span { get; internal set; }

    public string? Anchor { get; init; }

    /// <summary>
    /// True for a collection the parser was still reading when it stopped at a syntax error or a nesting limit, so
    /// whatever the author wrote in it after that point is missing, and for the empty value given to a key whose value
    /// was never read. Checks that depend on what such a node lacks (required keys, empty values) do not judge it.
    /// </summary>
    public bool IsCutShort { get; internal set; }

    /// <summary>The node itself, or for an alias the node its anchor names (never another alias).</summary>
    public virtual SyntaxNode Resolved => this;

    public abstract string KindName { get; }
}
