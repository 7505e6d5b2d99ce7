namespace CacheSpec.Analysis.Format;

/// <summary>"Did you mean" for misspelled keys and values: the closest candidate within a small edit distance.</summary>
public static class Suggestions
{
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tied = false;
        var allowed = Math.Max(1, Math.Min(3, (text.Length + 2) / 4));
        var lowered = text.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            // The distance is at least the difference in length: such candidates cannot be suggested, so skip the costly comparison.
            if (Math.Abs(candidate.Length - text.Length) > allowed)
            {
                continue;
            }
            var distance = Distance(lowered, candidate.ToLowerInvariant());
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

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200)
        {
            return int.MaxValue;
        }
        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previousPrevious[j - 2] + 1);
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }
        return previous[b.Length];
    }
}
