using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Diagnostics;

/// <summary>
/// A place where the engine stopped reading at one of its <see cref="AnalysisLimits"/>, kept as data and reported as
/// limit-exceeded.
/// </summary>
public sealed record LimitFinding(TextSpan Span, string Message);
