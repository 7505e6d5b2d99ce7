using System.Text.RegularExpressions;

namespace CacheSpec.Tests.Support;

/// <summary>
/// docs/format.md read into its sections and the body rows of their tables (cells trimmed, "\|" read as "|"), the form
/// in which the tests compare the reference with the engine.
/// </summary>
public sealed partial class FormatReferenceTables
{
    public const string ObjectsChapter = "Objects and keys";

    private FormatReferenceTables(string text, IReadOnlyList<Section> sections)
    {
        Text = text;
        Sections = sections;
    }

    public string Text { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>The object sections ("### `cache`") of the chapter "Objects and keys", in the page's order.</summary>
    public IEnumerable<Section> Objects => Sections.Where(section => section.Chapter == ObjectsChapter
        && section.Heading != ObjectsChapter);

    public IReadOnlyList<string[]> Rows(string heading) => Sections.Single(section => section.Heading == heading).Rows;

    public static FormatReferenceTables Load() => Parse(File.ReadAllText(RepositoryPaths.FormatReference)
        .Replace("\r\n", "\n"));

    /// <summary>
    /// The text of a cell without its Markdown links: "[`tls`](#tls)" reads "`tls`". A target holds no brackets or
    /// braces, so the "]([" of a regular expression in a code span is not taken for a link.
    /// </summary>
    public static string WithoutLinks(string cell) => Link().Replace(cell, "$1");

    private static FormatReferenceTables Parse(string text)
    {
        var sections = new List<Section>();
        var current = new Section(string.Empty, string.Empty);
        var inTable = false;
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            inFence ^= line.StartsWith("```", StringComparison.Ordinal);
            var heading = inFence ? Match.Empty : Heading().Match(line);
            if (heading.Success)
            {
                sections.Add(current);
                var title = heading.Groups[2].Value.Trim();
                current = new Section(title, heading.Groups[1].Length <= 2 ? title : current.Chapter);
            }
            var isRow = !inFence && line.StartsWith('|');
            if (isRow && inTable && !Separator().IsMatch(line))
            {
                current.Rows.Add(CellBorder().Split(line.Trim().Trim('|')).Select(cell => cell.Trim().Replace(@"\|",
                    "|")).ToArray());
            }
            inTable = isRow;
        }
        sections.Add(current);
        return new FormatReferenceTables(text, sections);
    }

    /// <summary>A heading of the page, the chapter ("## ...") it belongs to, and the body rows of its tables.</summary>
    public sealed record Section(string Heading, string Chapter)
    {
        public List<string[]> Rows { get; } = new();
    }

    [GeneratedRegex(@"^(#{1,6}) (.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|[\s:|-]+\|$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellBorder();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)\s\[\]{}]*\)")]
    private static partial Regex Link();
}
