using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>A place where the text is not valid YAML, kept as data: parsing never throws.</summary>
public sealed record SyntaxError(TextSpan Span, string Message);
