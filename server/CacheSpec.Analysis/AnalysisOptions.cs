namespace CacheSpec.Analysis;

/// <summary>
/// How an <see cref="AnalysisHost"/> works: when to use a second core, and how long an analysis may run. Immutable.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// The options in force when none are given: several cores used above 64 KB of text, on a machine that has them.
    /// </summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// From this much text on, YamlDotNet scans ahead on another core, a large document is bound on two cores and
    /// independent rules run on every core (each into its own list, joined in catalog order, so the result is the same
    /// either way). Below it, starting threads would cost more than it saves; with one core nothing is worth a second
    /// thread. The tests pass 0 to force the parallel paths.
    /// </summary>
    public int ParallelThreshold { get; init; } = Environment.ProcessorCount > 1 ? 64 * 1024 : int.MaxValue;

    /// <summary>
    /// How long each stage of one analysis (reading a file: parse, format check and binding; the rules) may run before
    /// the rest of it is cut short (see <see cref="AnalysisLimits.AnalysisTime"/>).
    /// </summary>
    public TimeSpan AnalysisTime { get; init; } = AnalysisLimits.AnalysisTime;

    /// <summary>
    /// Where the work of every analysis is counted (the complexity tests); null, the default, counts nothing.
    /// </summary>
    public WorkMeter? Meter { get; init; }
}
