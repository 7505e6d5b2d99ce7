using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>A hover: Markdown and the span it describes.</summary>
public sealed record HoverInfo(string Markdown, TextSpan Span);
