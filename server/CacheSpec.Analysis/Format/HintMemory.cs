using System.Collections.Concurrent;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// "Did you mean" hints kept from one analysis to the next while the candidates stay the same. A broken reference stays
/// broken over many keystrokes, and finding its closest name searches the names of its kind (a
/// <see cref="SuggestionIndex"/>, built once per set of names); the candidates are compared exactly, so a remembered
/// hint is always the one a fresh search would give. Safe to share between threads.
/// </summary>
internal sealed class HintMemory
{
    /// <summary>
    /// More distinct texts than this and the memory starts again (a generated workspace full of broken references).
    /// </summary>
    private const int Capacity = 4096;

    private Remembered? last;

    /// <summary>
    /// The hint for a text among candidates: " Did you mean 'x'?", or empty when nothing is close enough. A caller
    /// asking many times in one analysis passes the same array each time, which is then recognised at once.
    /// </summary>
    public string DidYouMean(string text, string[] candidates, WorkMeter? meter = null)
    {
        meter?.Add(1);
        var remembered = Volatile.Read(ref last);
        var sameArray = ReferenceEquals(remembered?.Candidates, candidates);
        if (!sameArray)
        {
            meter?.Add(candidates.Length);
        }
        if (remembered is null || !(sameArray || remembered.Candidates.AsSpan().SequenceEqual(candidates)))
        {
            remembered = Remember(candidates, index: null);
        }
        else if (remembered.Hints.Count >= Capacity)
        {
            remembered = Remember(candidates, remembered.Index);
        }
        else if (!sameArray)
        {
            remembered = Remember(candidates, remembered.Index, remembered.Hints);
        }
        return remembered.Hints.GetOrAdd(text, static (value, state) =>
            state.remembered.Index.Closest(value, state.meter) is { } suggestion
                ? $" Did you mean '{suggestion}'?" : string.Empty,
                (remembered, meter));
    }

    /// <summary>Remembers the candidates (keeping the index and the hints when they are the same names).</summary>
    private Remembered Remember(string[] candidates, SuggestionIndex? index,
        ConcurrentDictionary<string, string>? hints = null)
    {
        var remembered = new Remembered(candidates, index ?? new SuggestionIndex(candidates),
            hints ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        Volatile.Write(ref last, remembered);
        return remembered;
    }

    private sealed record Remembered(string[] Candidates, SuggestionIndex Index,
        ConcurrentDictionary<string, string> Hints);
}
