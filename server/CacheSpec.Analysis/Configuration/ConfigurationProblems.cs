using System.Globalization;

namespace CacheSpec.Analysis.Configuration;

/// <summary>
/// The problems found in one configuration: the first <see cref="AnalysisLimits.MaxConfigurationProblems"/> are kept,
/// the others only counted, so a file of a hundred thousand unknown keys costs a few lines.
/// </summary>
internal sealed class ConfigurationProblems
{
    private readonly List<string> kept = new();

    /// <summary>Every problem found, kept or not.</summary>
    public int Count { get; private set; }

    public void Add(string problem)
    {
        if (Count++ < AnalysisLimits.MaxConfigurationProblems)
        {
            kept.Add(problem);
        }
    }

    /// <summary>The problems kept, then one line counting the others, if any.</summary>
    public IReadOnlyList<string> Reported() =>
        Count <= AnalysisLimits.MaxConfigurationProblems
            ? kept
            : [.. kept, string.Create(CultureInfo.InvariantCulture,
                $"and {Count - AnalysisLimits.MaxConfigurationProblems:N0} more problems")];
}
