using System.Text;

namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// Heading anchors as GitHub and most Markdown viewers make them: lower case, punctuation dropped, spaces as hyphens.
/// </summary>
public static class MarkdownAnchors
{
    public static string For(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }
        return builder.ToString();
    }
}
