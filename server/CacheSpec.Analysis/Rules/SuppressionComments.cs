using System.Text.RegularExpressions;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Rules;

/// <summary>Finds suppression comments in a file's text. Only whole-line comments count, so a "#" inside a value is never read as one.</summary>
public static partial class SuppressionComments
{
    public const string Marker = "cachespec-disable-next-line";

    public static IReadOnlyList<Suppression> Find(SourceText text)
    {
        var found = new List<Suppression>();
        for (var line = 0; line < text.LineCount; line++)
        {
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
            while (target < text.LineCount && (text.GetLineText(target).Trim().Length == 0 || text.GetLineText(target).TrimStart().StartsWith('#')))
            {
                target++;
            }
            found.Add(new Suppression(line, new TextSpan(start + match.Index, match.Length), rules, string.IsNullOrEmpty(reason) ? null : reason) { TargetLine = target });
        }
        return found;
    }

    [GeneratedRegex(@"^\s*#\s*cachespec-disable-next-line(?:\s+(?<rule>[A-Za-z0-9-]+)(?:\s*,\s*(?<rule>[A-Za-z0-9-]+))*)?\s*(?:--\s*(?<reason>.*))?$")]
    private static partial Regex Comment();
}
