namespace CacheSpec.Analysis.Text;

/// <summary>A range between two line positions.</summary>
public readonly record struct LineRange(LinePosition Start, LinePosition End);
