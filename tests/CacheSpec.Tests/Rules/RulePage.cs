using System.Text.RegularExpressions;

namespace CacheSpec.Tests.Rules;

/// <summary>A docs/rules/&lt;id&gt;.md page, read into the parts the meta-tests check.</summary>
public sealed partial class RulePage
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string? Severity2020 { get; init; }
    public required string? SeverityCurrent { get; init; }
    public required IReadOnlyList<string> Sections { get; init; }
    public string? FailingExample { get; init; }
    public string? PassingExample { get; init; }

    /// <summary>The fix titles listed under "Quick fixes" (‹…› stands for a value the title names); empty when
    /// the page has no such section.</summary>
    public IReadOnlyList<string> QuickFixes { get; init; } = Array.Empty<string>();

    public static RulePage Load(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var title = text.Split('\n')[0].TrimStart('#', ' ').Trim('`');
        string? Severity(string profile)
        {
            var match = Regex.Match(text, $@"^\|\s*`{Regex.Escape(profile)}`\s*\|\s*([a-z-]+)\s*\|",
                RegexOptions.Multiline);
            return match.Success ? match.Groups[1].Value : null;
        }
        return new RulePage
        {
            Id = Path.GetFileNameWithoutExtension(path),
            Title = title,
            Severity2020 = Severity("2020-10"),
            SeverityCurrent = Severity("current"),
            Sections = SectionHeading().Matches(text).Select(match => match.Groups[1].Value.Trim()).ToArray(),
            FailingExample = Example(text, "Example that fails"),
            PassingExample = Example(text, "Example that passes"),
            QuickFixes = QuickFixTitles(text),
        };
    }

    private static string? Example(string text, string heading)
    {
        var start = text.IndexOf("## " + heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var fence = text.IndexOf("```yaml\n", start, StringComparison.Ordinal);
        var next = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        if (fence < 0 || (next >= 0 && fence > next))
        {
            return null;
        }
        var body = fence + "```yaml\n".Length;
        var end = text.IndexOf("\n```", body - 1, StringComparison.Ordinal);
        return end < 0 ? null : text[body..(end + 1)];
    }

    private static string[] QuickFixTitles(string text)
    {
        var start = text.IndexOf("\n## Quick fixes\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return Array.Empty<string>();
        }
        var next = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = text[start..(next < 0 ? text.Length : next)];
        return QuickFixBullet().Matches(section).Select(match => match.Groups[1].Value).ToArray();
    }

    [GeneratedRegex(@"^- `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex QuickFixBullet();

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}
