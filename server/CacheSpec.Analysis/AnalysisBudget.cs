using System.Diagnostics;
using System.Globalization;

namespace CacheSpec.Analysis;

/// <summary>
/// What one stage of an analysis may spend: a deadline, checked in the loops whose length grows with the input, and the
/// meter (if any) its work is counted on. One is started per stage run; it holds no state but its start and how often
/// it was asked.
/// </summary>
public sealed class AnalysisBudget
{
    private const int ClockInterval = 64;

    private readonly long deadline;
    private int calls;
    private volatile bool spent;

    private AnalysisBudget(TimeSpan time, WorkMeter? meter)
    {
        Time = time;
        Meter = meter;
        deadline = time >= TimeSpan.FromDays(1) ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>No deadline and no meter.</summary>
    public static AnalysisBudget Unlimited => new(TimeSpan.MaxValue, meter: null);

    /// <summary>Starts the clock on a stage with the options' time limit and meter.</summary>
    public static AnalysisBudget Start(AnalysisOptions options) => new(options.AnalysisTime, options.Meter);

    /// <summary>The same meter with no deadline, for work that must finish (applying suppressions).</summary>
    public AnalysisBudget WithoutDeadline() => new(TimeSpan.MaxValue, Meter);

    public TimeSpan Time { get; }

    public WorkMeter? Meter { get; }

    /// <summary>
    /// True once the deadline has passed. The clock is read on the first call and every 64th after it (a rule's loop
    /// calls this per item, and a clock read costs more than most items), and once spent the budget stays spent. Calls
    /// from the threads of a parallel analysis may race on the count; that only moves which call reads the clock.
    /// </summary>
    public bool IsSpent
    {
        get
        {
            if (spent)
            {
                return true;
            }
            if (deadline == long.MaxValue || (calls++ & (ClockInterval - 1)) != 0)
            {
                return false;
            }
            spent = Stopwatch.GetTimestamp() >= deadline;
            return spent;
        }
    }

    /// <summary>
    /// Stops the stage once the deadline has passed, by an <see cref="OperationCanceledException"/> that the stage's
    /// own entry point catches and reports as limit-exceeded; it never leaves the engine.
    /// </summary>
    public void ThrowIfSpent()
    {
        if (IsSpent)
        {
            throw new OperationCanceledException("The analysis time limit has passed.");
        }
    }

    /// <summary>Counts work on the meter, when there is one.</summary>
    public void Count(long operations) => Meter?.Add(operations);

    /// <summary>The time limit as the limit-exceeded findings write it ("10 s").</summary>
    public string TimeText => Time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
