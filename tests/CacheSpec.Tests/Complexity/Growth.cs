namespace CacheSpec.Tests.Complexity;

/// <summary>
/// Judges how a count of work grows while the input doubles four times: within n log n (with room for constant
/// factors), never quadratic.
/// </summary>
public static class Growth
{
    /// <summary>The sizes a stage is measured at: a count doubled four times.</summary>
    public static readonly int[] Sizes = [100, 200, 400, 800, 1600];

    /// <summary>
    /// The most the work may grow from the first size to the last: n log n's growth, times 1.5 for constant factors.
    /// Quadratic work grows 256-fold over the same sizes, linear work 16-fold.
    /// </summary>
    public static double Allowed
    {
        get
        {
            double first = Sizes[0], last = Sizes[^1];
            return last * Math.Log2(last) / (first * Math.Log2(first)) * 1.5;
        }
    }

    /// <summary>
    /// Null when the counts grow within n log n, otherwise what grew how much. A stage that does almost nothing at the
    /// first size is judged against the size itself, so a count of zero is no reason to fail.
    /// </summary>
    public static string? Problem(string stage, IReadOnlyList<long> counts)
    {
        var growth = (double)counts[^1] / Math.Max(counts[0], Sizes[0]);
        return growth <= Allowed ? null
            : $"{stage}: work grew {growth:F0}-fold while the input grew {Sizes[^1] / Sizes[0]}-fold " +
                $"(at most {Allowed:F0} allowed); counts {string.Join(", ", counts)}";
    }
}
