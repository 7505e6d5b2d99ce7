using System.Text.RegularExpressions;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Finds suppression comments in a file's text. Only whole-line comments count, so a "#" inside a value is never read
/// as one.
/// </summary>
public static partial class SuppressionComments
{
    public const string Marker = "cachespec-disable-next-line";

    public static IReadOnlyList<Suppression> Find(SourceText text)
    {
        var found = new List<Suppression>();
        // Only lines holding the marker can match: finding them with IndexOf spares a substring and a regex run for
        // every other line.
        for (var at = text.Text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = NextMarker(text, at))
        {
            var line = text.GetLineIndex(at);
            var lineText = text.GetLineText(line);
            var match = Comment().Match(lineText);
            if (!match.Success)
            {
                continue;
            }
            var start = text.GetLineStart(line);
            var rules = match.Groups["rule"].Captures
                .Select(capture => (capture.Value, new TextSpan(start + capture.Index, capture.Length)))
                .ToArray();
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
            var target = line + 1;
            while (target < text.LineCount
                && (text.GetLineText(target).Trim().Length == 0
                    || text.GetLineText(target).TrimStart().StartsWith('#')))
            {
                target++;
            }
            var reasonOrNull = string.IsNullOrEmpty(reason) ? null : reason;
            found.Add(new Suppression(line, new TextSpan(start + match.Index, match.Length), rules, reasonOrNull)
            {
                TargetLine = target,
            });
        }
        return found;
    }

    /// <summary>The next marker on a later line (a line with two markers is read once).</summary>
    private static int NextMarker(SourceText text, int at)
    {
        var nextLine = text.GetLineIndex(at) + 1;
        return nextLine >= text.LineCount ? -1
            : text.Text.IndexOf(Marker, text.GetLineStart(nextLine), StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"^\s*#\s*cachespec-disable-next-line(?:\s+(?<rule>[A-Za-z0-9-]+)(?:\s*,\s*(?<rule>[A-Za-z0-9-]+))*)?\s*(?:--" +
        @"\s*(?<reason>.*))?$")]
    private static partial Regex Comment();
}
