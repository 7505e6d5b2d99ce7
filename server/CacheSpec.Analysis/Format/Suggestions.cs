namespace CacheSpec.Analysis.Format;

/// <summary>
/// "Did you mean" for misspelled keys and values: the closest candidate within a small edit distance.
/// </summary>
public static class Suggestions
{
    public static string? Closest(string text, IEnumerable<string> candidates) => Closest(text, candidates, null);

    /// <summary>The same, counting each candidate tried on a meter.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates, WorkMeter? meter)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tied = false;
        var allowed = Math.Max(1, Math.Min(3, (text.Length + 2) / 4));
        foreach (var candidate in candidates)
        {
            meter?.Add(1);
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            // The distance is at least the difference in length: such candidates cannot be suggested, so skip the
            // costly comparison.
            if (Math.Abs(candidate.Length - text.Length) > allowed)
            {
                continue;
            }
            var distance = Distance(text, candidate, allowed);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
                tied = false;
            }
            else if (distance == bestDistance)
            {
                tied = true;
            }
        }
        // A tie means the text is as close to several values ("1.3" to "1.0", "1.1" and "1.2"): guessing would mislead.
        return bestDistance <= allowed && !tied ? best : null;
    }

    /// <summary>Levenshtein distance, ignoring case, with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue);

    /// <summary>
    /// The same, but any distance above the limit may come back as int.MaxValue: once a whole row exceeds it, no later
    /// row can come back under it, so a name far from the text costs a few rows instead of all of them.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        if (a.Length > 200 || b.Length > 200)
        {
            return int.MaxValue;
        }
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        var previousPrevious = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            var ai = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var bj = char.ToLowerInvariant(b[j - 1]);
                var cost = ai == bj ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                {
                    current[j] = Math.Min(current[j], previousPrevious[j - 2] + 1);
                }
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            // With transpositions a cell may also come from two rows back, so both of the last two rows must exceed the
            // limit.
            if (rowMinimum > limit && i > 1 && MinimumOf(previous) > limit)
            {
                return int.MaxValue;
            }
            var recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    private static int MinimumOf(ReadOnlySpan<int> row)
    {
        var minimum = int.MaxValue;
        foreach (var value in row)
        {
            minimum = Math.Min(minimum, value);
        }
        return minimum;
    }
}
