using System.Collections.Concurrent;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// "Did you mean" hints kept from one analysis to the next while the candidates stay the same. A broken reference stays
/// broken over many keystrokes, and finding its closest name compares it with every name of its kind; the candidates
/// are compared exactly, so a remembered hint is always the one a fresh search would give. Safe to share between
/// threads.
/// </summary>
internal sealed class HintMemory
{
    /// <summary>
    /// More distinct texts than this and the memory starts again (a generated workspace full of broken references).
    /// </summary>
    private const int Capacity = 4096;

    private Remembered? last;

    /// <summary>
    /// The hint for a text among candidates: " Did you mean 'x'?", or empty when nothing is close enough.
    /// </summary>
    public string DidYouMean(string text, string[] candidates)
    {
        var remembered = Volatile.Read(ref last);
        if (remembered is null || remembered.Hints.Count >= Capacity
            || !remembered.Candidates.AsSpan().SequenceEqual(candidates))
        {
            remembered = new Remembered(candidates, new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
            Volatile.Write(ref last, remembered);
        }
        return remembered.Hints.GetOrAdd(text, static (value, names) =>
            Suggestions.Closest(value, names) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty,
                candidates);
    }

    private sealed record Remembered(string[] Candidates, ConcurrentDictionary<string, string> Hints);
}
