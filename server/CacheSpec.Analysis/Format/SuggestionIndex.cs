namespace CacheSpec.Analysis.Format;

/// <summary>
/// "Did you mean" among many names at a bounded cost per question. Up to <see cref="SearchedWhole"/> names are all
/// tried, as <see cref="Suggestions"/> always did. Beyond that, a misspelling rarely spoils both
/// ends of a name, so the names tried are the <see cref="Neighbours"/> on each side of the text in the names sorted by
/// their start and in the names sorted by their end (read backwards): a few hundred distance computations however many
/// names there are, instead of one per name for every broken reference. Immutable once built.
/// </summary>
internal sealed class SuggestionIndex
{
    /// <summary>Up to this many names, every one is tried, as before there was an index.</summary>
    public const int SearchedWhole = 256;

    /// <summary>How many names are tried on each side of the text in each order.</summary>
    private const int Neighbours = 32;

    private readonly string[] names;
    private readonly string[]? byStart;
    private readonly string[]? byEnd;

    public SuggestionIndex(string[] names)
    {
        this.names = names;
        if (names.Length > SearchedWhole)
        {
            byStart = names.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            byEnd = byStart.Select(Reversed).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        }
    }

    /// <summary>The closest name, or null when none is close enough or several are equally close.</summary>
    public string? Closest(string text, WorkMeter? meter)
    {
        if (byStart is null || byEnd is null)
        {
            return Suggestions.Closest(text, names, meter);
        }
        var tried = Near(byStart, text).Concat(Near(byEnd, Reversed(text)).Select(Reversed))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return Suggestions.Closest(text, tried, meter);
    }

    /// <summary>The names on each side of where the text would stand in a sorted array.</summary>
    private static IEnumerable<string> Near(string[] sorted, string text)
    {
        var at = Array.BinarySearch(sorted, text, StringComparer.OrdinalIgnoreCase);
        var position = at >= 0 ? at : ~at;
        var from = Math.Max(0, position - Neighbours);
        var to = Math.Min(sorted.Length, position + Neighbours);
        return sorted.Skip(from).Take(to - from);
    }

    private static string Reversed(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        source.AsSpan().CopyTo(span);
        span.Reverse();
    });
}
