using System.Text.RegularExpressions;
using CacheSpec.Analysis.Diagnostics;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// The guidance documents and rule pages, parsed with Markdig from the resources embedded in the engine: sections with
/// stable anchors, and an index from each format key ("object.field"), enum value and rule id to the text that explains
/// it.
/// </summary>
public sealed partial class GuidanceIndex
{
    private static readonly Lazy<GuidanceIndex> Embedded = new(() => Load(ReadEmbedded()));

    private readonly Dictionary<string, KeyGuidance> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GuidanceSection> sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> rulePages = new(StringComparer.Ordinal);

    private GuidanceIndex()
    {
    }

    /// <summary>The index of the documents shipped inside the engine.</summary>
    public static GuidanceIndex Default => Embedded.Value;

    public IReadOnlyCollection<KeyGuidance> Keys => keys.Values;

    public IReadOnlyCollection<GuidanceSection> Sections => sections.Values;

    public KeyGuidance? FindKey(string objectName, string field) => keys.GetValueOrDefault($"{objectName}.{field}");

    /// <summary>A section by "document.md#anchor" (or "document.md" for its title section).</summary>
    public GuidanceSection? FindSection(string target) =>
        sections.GetValueOrDefault(target.Contains('#') ? target : target + "#");

    /// <summary>The Markdown of docs/rules/&lt;id&gt;.md, when the rule has a page.</summary>
    public string? RulePage(string ruleId) => rulePages.GetValueOrDefault(ruleId);

    /// <summary>One section of a rule page ("Why", "What it checks"), as Markdown.</summary>
    public string? RuleSection(string ruleId, string heading)
    {
        if (RulePage(ruleId) is not { } page)
        {
            return null;
        }
        var start = page.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += heading.Length + 5;
        var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)].Trim();
    }

    /// <summary>Builds an index from documents (file name and Markdown); files under "rules/" are rule pages.</summary>
    public static GuidanceIndex Load(IEnumerable<(string Name, string Markdown)> documents)
    {
        var index = new GuidanceIndex();
        foreach (var (name, markdown) in documents)
        {
            if (name.StartsWith("rules/", StringComparison.Ordinal))
            {
                index.rulePages[Path.GetFileNameWithoutExtension(name)] = markdown.Replace("\r\n", "\n");
                continue;
            }
            var file = name.StartsWith("guidance/", StringComparison.Ordinal) ? name["guidance/".Length..] : name;
            index.AddDocument(file, markdown.Replace("\r\n", "\n"));
        }
        return index;
    }

    private static IEnumerable<(string, string)> ReadEmbedded()
    {
        var assembly = typeof(GuidanceIndex).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource, reader.ReadToEnd());
        }
    }

    private void AddDocument(string file, string markdown)
    {
        var document = Markdown.Parse(markdown);
        var headings = document.Descendants<HeadingBlock>().ToArray();
        for (var i = 0; i < headings.Length; i++)
        {
            var heading = headings[i];
            var title = InlineText(heading.Inline);
            var end = markdown.Length;
            for (var j = i + 1; j < headings.Length; j++)
            {
                if (headings[j].Level <= heading.Level)
                {
                    end = headings[j].Span.Start;
                    break;
                }
            }
            var bodyStart = Math.Min(heading.Span.End + 1, markdown.Length);
            var body = markdown[bodyStart..Math.Max(bodyStart, end)].Trim();
            var anchor = heading.Level == 1 ? string.Empty : MarkdownAnchors.For(title);
            sections.TryAdd($"{file}#{anchor}", new GuidanceSection(file, title, anchor, heading.Level, body));
            if (file == "keys.md" && heading.Level == 3)
            {
                var key = ReadKey(title, anchor, markdown, heading,
                    i + 1 < headings.Length ? headings[i + 1].Span.Start : markdown.Length, document);
                keys[key.Path] = key;
            }
        }
    }

    private static KeyGuidance ReadKey(string path, string anchor, string markdown, HeadingBlock heading, int end,
        MarkdownDocument document)
    {
        var blocks = document.Where(block => block.Span.Start > heading.Span.Start && block.Span.Start < end).ToArray();
        string? meaning = null;
        var notes = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var byProfile = new Dictionary<GuidanceProfile, string>();
        var seeAlso = new List<GuidanceLink>();
        foreach (var block in blocks)
        {
            var source = markdown.Substring(block.Span.Start, block.Span.Length).Trim();
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var itemText = markdown.Substring(item.Span.Start, item.Span.Length).Trim()
                            .TrimStart('-', '*', ' ');
                        var match = ValueItem().Match(itemText);
                        if (match.Success)
                        {
                            values[match.Groups[1].Value] = match.Groups[2].Value.Trim();
                        }
                    }
                    break;
                case ParagraphBlock paragraph when source.StartsWith("See also:", StringComparison.Ordinal):
                    seeAlso.AddRange(paragraph.Inline!.Descendants<LinkInline>()
                        .Where(link => link.Url is not null)
                        .Select(link => new GuidanceLink(InlineText(link), link.Url!)));
                    break;
                case ParagraphBlock when source == "Values:":
                    break;
                case ParagraphBlock when source.StartsWith("**2020-10:**", StringComparison.Ordinal):
                    byProfile[GuidanceProfile.V2020_10] = source["**2020-10:**".Length..].Trim();
                    break;
                case ParagraphBlock when source.StartsWith("**current:**", StringComparison.Ordinal):
                    byProfile[GuidanceProfile.Current] = source["**current:**".Length..].Trim();
                    break;
                case ParagraphBlock:
                    if (meaning is null)
                    {
                        meaning = source;
                    }
                    else
                    {
                        notes.Add(source);
                    }
                    break;
            }
        }
        return new KeyGuidance(path, anchor, meaning ?? string.Empty, notes, values, byProfile, seeAlso);
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }
        var builder = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"^`([^`]+)`\s*:\s*(.+)$", RegexOptions.Singleline)]
    private static partial Regex ValueItem();
}
