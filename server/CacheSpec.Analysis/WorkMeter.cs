namespace CacheSpec.Analysis;

/// <summary>
/// Counts the work an analysis does where work can grow with the input: nodes visited, mapping entries compared,
/// "did you mean" candidates tried, items a rule iterates. The complexity tests give one to a host through
/// <see cref="AnalysisOptions.Meter"/> and compare counts as the input doubles; without one, counting is a null check.
/// Safe to share between threads.
/// </summary>
public sealed class WorkMeter
{
    private long operations;

    public long Operations => Interlocked.Read(ref operations);

    public void Add(long count) => Interlocked.Add(ref operations, count);

    public void Reset() => Interlocked.Exchange(ref operations, 0);
}
