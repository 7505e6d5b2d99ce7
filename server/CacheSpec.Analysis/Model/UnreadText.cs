using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Model;

/// <summary>Looks for names in text the parser could not read, where no tree says what is a name.</summary>
internal static class UnreadText
{
    /// <summary>
    /// True when the span holds the name with no name character (letter, digit, '.', '_', '-') right before or after
    /// it.
    /// </summary>
    public static bool ContainsWord(string text, TextSpan span, string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        var region = text.AsSpan(span.Start, span.Length);
        for (var from = 0; from <= region.Length - name.Length;)
        {
            var at = region[from..].IndexOf(name, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }
            at += from;
            var end = at + name.Length;
            if ((at == 0 || !IsNameCharacter(region[at - 1]))
                && (end == region.Length || !IsNameCharacter(region[end])))
            {
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
