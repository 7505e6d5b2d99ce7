using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>A named thing for the outline: its whole span, the span of its name, and what it holds.</summary>
public sealed record SpecSymbol(string Name, string? Detail, SymbolCategory Category, TextSpan Span, TextSpan NameSpan,
    IReadOnlyList<SpecSymbol> Children);
