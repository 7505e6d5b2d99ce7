namespace CacheSpec.Analysis.Features;

/// <summary>
/// Lines that fold together (zero-based, inclusive); comment blocks are marked so editors can fold them apart.
/// </summary>
public sealed record FoldingRegion(int StartLine, int EndLine, bool IsComment);
