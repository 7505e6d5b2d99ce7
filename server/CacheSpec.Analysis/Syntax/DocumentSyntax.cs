using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>One YAML document of a file: its root node (null when empty) and the text it covers.</summary>
public sealed record DocumentSyntax(int Index, SyntaxNode? Root, TextSpan Span)
{
    /// <summary>
    /// True when the parser stopped inside this document at a syntax error or a nesting limit (see
    /// <see cref="SyntaxNode.IsCutShort"/>).
    /// </summary>
    public bool IsCutShort { get; init; }
}
