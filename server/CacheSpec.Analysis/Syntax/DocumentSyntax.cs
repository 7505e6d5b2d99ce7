using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>One YAML document of a file: its root node (null when empty) and the text it covers.</summary>
public sealed record DocumentSyntax(int Index, SyntaxNode? Root, TextSpan Span);
