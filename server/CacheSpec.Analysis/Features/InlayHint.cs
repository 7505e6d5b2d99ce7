namespace CacheSpec.Analysis.Features;

/// <summary>A short label shown at an offset, after the text it explains.</summary>
public sealed record InlayHint(int Offset, string Label);
