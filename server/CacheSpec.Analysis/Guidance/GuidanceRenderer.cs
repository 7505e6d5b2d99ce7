using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Guidance;

/// <summary>
/// Builds hover and completion Markdown from the guidance index, for one profile: a title, the key's meaning, what
/// matters for isolation, the paragraph of the spec's profile, a note of what changed since 2020-10, and links (made
/// absolute with the host's base). Hovers stay short: value lists are left to the values' own hovers.
/// </summary>
public sealed partial class GuidanceRenderer
{
    private const int MaxLines = 25;

    public GuidanceRenderer(GuidanceIndex index, string linkBase)
    {
        Index = index;
        LinkBase = linkBase.EndsWith('/') ? linkBase : linkBase + "/";
    }

    public GuidanceIndex Index { get; }

    /// <summary>
    /// Where docs/guidance is for the reader (a file:// URI of the shipped copy); relative links are resolved against
    /// it.
    /// </summary>
    public string LinkBase { get; }

    public string? Key(string objectName, string field, GuidanceProfile profile)
    {
        if (Index.FindKey(objectName, field) is not { } key)
        {
            return null;
        }
        var lines = new List<string> { $"**`{key.Path}`** · guidance `{GuidanceProfiles.ToText(profile)}`",
            string.Empty, Absolute(key.Meaning) };
        foreach (var note in key.Notes)
        {
            lines.Add(string.Empty);
            lines.Add(Absolute(note));
        }
        AddProfileNotes(key, profile, lines);
        AddLinks(key, lines);
        return Fit(lines);
    }

    public string? Value(string objectName, string field, string value, GuidanceProfile profile)
    {
        if (Index.FindKey(objectName, field) is not { } key || !key.Values.TryGetValue(value, out var meaning))
        {
            return null;
        }
        var lines = new List<string> { $"**`{value}`** · `{key.Path}` · guidance `{GuidanceProfiles.ToText(profile)}`",
            string.Empty, Absolute(meaning), string.Empty, Absolute(key.Meaning) };
        AddProfileNotes(key, profile, lines);
        AddLinks(key, lines);
        return Fit(lines);
    }

    /// <summary>The short form for completion items: the meaning and the profile's paragraph.</summary>
    public string? KeySummary(string objectName, string field, GuidanceProfile profile)
    {
        if (Index.FindKey(objectName, field) is not { } key)
        {
            return null;
        }
        var text = Absolute(key.Meaning);
        if (key.ByProfile.TryGetValue(profile, out var note))
        {
            text += $"\n\n**{GuidanceProfiles.ToText(profile)}:** {Absolute(note)}";
        }
        return text + $"\n\n[Guidance]({LinkBase}keys.md#{key.Anchor})";
    }

    public string? ValueSummary(string objectName, string field, string value) =>
        Index.FindKey(objectName, field) is { } key && key.Values.TryGetValue(value, out var meaning)
            ? Absolute(meaning) : null;

    /// <summary>
    /// The body of a guidance section ("vnet-injection.md#what-it-is"), links made absolute, cut to hover size.
    /// </summary>
    public string? Section(string target) =>
        Index.FindSection(target) is { } section
            ? Fit(new List<string> { $"**{section.Title}**", string.Empty, Absolute(section.Body), string.Empty,
                $"[Read more]({LinkBase}{target})" }) : null;

    /// <summary>"Why" of a rule page, for hovers on a finding.</summary>
    public string? RuleWhy(string ruleId) => Index.RuleSection(ruleId, "Why");

    private void AddProfileNotes(KeyGuidance key, GuidanceProfile profile, List<string> lines)
    {
        if (key.ByProfile.TryGetValue(profile, out var own))
        {
            lines.Add(string.Empty);
            lines.Add($"**{GuidanceProfiles.ToText(profile)}:** {Absolute(own)}");
        }
        var other = profile == GuidanceProfile.Current ? GuidanceProfile.V2020_10 : GuidanceProfile.Current;
        if (key.ByProfile.TryGetValue(other, out var theirs))
        {
            lines.Add(string.Empty);
            lines.Add(profile == GuidanceProfile.Current
                ? $"_Changed since 2020-10; then:_ {Absolute(theirs)}"
                : $"_The current guidance differs:_ {Absolute(theirs)}");
        }
    }

    private void AddLinks(KeyGuidance key, List<string> lines)
    {
        var links = key.SeeAlso.Select(link => $"[{link.Text}]({Resolve(link.Target)})")
            .Prepend($"[{key.Path}]({LinkBase}keys.md#{key.Anchor})");
        lines.Add(string.Empty);
        lines.Add("See: " + string.Join(" · ", links));
    }

    /// <summary>
    /// Keeps a hover under about 25 lines: paragraphs past the limit are dropped, the links line is kept.
    /// </summary>
    private static string Fit(List<string> lines)
    {
        var text = string.Join("\n", lines);
        var total = text.Split('\n').Length;
        while (total > MaxLines && lines.Count > 4)
        {
            lines.RemoveAt(lines.Count - 3);
            text = string.Join("\n", lines);
            total = text.Split('\n').Length;
        }
        return text;
    }

    private string Absolute(string markdown) =>
        RelativeLink().Replace(markdown, match => $"]({Resolve(match.Groups[1].Value)})");

    private string Resolve(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') ? target : LinkBase + target;

    [System.Text.RegularExpressions.GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial System.Text.RegularExpressions.Regex RelativeLink();
}
