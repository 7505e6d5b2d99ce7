using System.Text;
using System.Text.Json;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Configuration;

/// <summary>
/// Writes a rule's level into the text of a cachespec.json with one small edit that keeps the rest of the file (layout,
/// comments) as it is. Pure text in, text edit out: the host reads and writes the file. Gives up (null) on text that is
/// not a JSON object, and checks its own result: the edited text must parse, set the rule to the level, and bring no
/// new problem.
/// </summary>
public static class RuleConfigurationEditor
{
    public const string SchemaUri = "https://cachespec.local/schemas/cachespec-config.schema.json";

    private static readonly JsonReaderOptions ReaderOptions =
        new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The text of a new cachespec.json that sets one rule's level.</summary>
    public static string NewFile(string ruleId, string level = "off") =>
        "{\n" +
        $"  \"$schema\": {Quote(SchemaUri)},\n" +
        "  \"rules\": {\n" +
        $"    {Quote(ruleId)}: {Quote(level)}\n" +
        "  }\n" +
        "}\n";

    /// <summary>
    /// The edit (a span of the text and what replaces it) that sets a rule's level, or null when the text cannot be
    /// edited safely.
    /// </summary>
    public static (TextSpan Span, string NewText)? SetLevel(string json, IReadOnlySet<string> ruleIds, string ruleId,
        string level = "off")
    {
        if (json.Length > AnalysisLimits.MaxConfigurationBytes)
        {
            return null;
        }
        (TextSpan Span, string NewText)? edit;
        try
        {
            using (JsonDocument.Parse(json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            {
            }
            edit = Plan(json, ruleId, level);
        }
        catch (JsonException)
        {
            return null;
        }
        if (edit is not { } planned)
        {
            return null;
        }
        var problemsBefore = new ConfigurationProblems();
        var before = RuleConfiguration.Parse(json, ruleIds, problemsBefore);
        var edited = json[..planned.Span.Start] + planned.NewText + json[planned.Span.End..];
        var problemsAfter = new ConfigurationProblems();
        var after = RuleConfiguration.Parse(edited, ruleIds, problemsAfter);
        var wanted = Enum.TryParse<RuleLevel>(level, ignoreCase: true, out var parsed) ? parsed : (RuleLevel?)null;
        return wanted is { } expected && after.Rules.TryGetValue(ruleId, out var actual) && actual == expected
            && problemsAfter.Count <= problemsBefore.Count && before.Guidance == after.Guidance
            ? planned
            : null;
    }

    private static (TextSpan Span, string NewText)? Plan(string json, string ruleId, string level)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        int CharAt(long byteOffset) => Encoding.UTF8.GetCharCount(bytes, 0, (int)byteOffset);
        var entry = $"{Quote(ruleId)}: {Quote(level)}";

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var rootOpen = CharAt(reader.TokenStartIndex);
        int? rootFirstProperty = null;
        (int Start, int End, bool IsObject)? rules = null;
        int? rulesFirstProperty = null;
        (int Start, int End)? existing = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            rootFirstProperty ??= CharAt(reader.TokenStartIndex);
            var isRules = reader.ValueTextEquals("rules");
            reader.Read();
            var valueStart = CharAt(reader.TokenStartIndex);
            if (!isRules)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                rules = (valueStart, CharAt(reader.BytesConsumed), false);
                rulesFirstProperty = null;
                existing = null;
                continue;
            }
            // A later "rules" wins, as in RuleConfiguration.Parse.
            rulesFirstProperty = null;
            existing = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                rulesFirstProperty ??= CharAt(reader.TokenStartIndex);
                var isRule = reader.ValueTextEquals(ruleId);
                reader.Read();
                var start = CharAt(reader.TokenStartIndex);
                reader.Skip();
                if (isRule)
                {
                    existing = (start, CharAt(reader.BytesConsumed));
                }
            }
            rules = (valueStart, CharAt(reader.BytesConsumed), true);
        }

        if (existing is { } value)
        {
            return (TextSpan.FromBounds(value.Start, value.End), Quote(level));
        }
        if (rules is { } found)
        {
            if (!found.IsObject)
            {
                return (TextSpan.FromBounds(found.Start, found.End), "{ " + entry + " }");
            }
            return rulesFirstProperty is { } first
                ? (new TextSpan(first, 0), entry + "," + WhitespaceBefore(json, first))
                : (TextSpan.FromBounds(found.Start, found.End), "{ " + entry + " }");
        }
        return rootFirstProperty is { } firstKey
            ? (new TextSpan(firstKey, 0), "\"rules\": { " + entry + " }," + WhitespaceBefore(json, firstKey))
            : (new TextSpan(rootOpen + 1, 0), "\n  \"rules\": { " + entry + " }\n");
    }

    /// <summary>
    /// The blank run just before an offset (a line break and indentation, or a space), reused to lay out an inserted
    /// property.
    /// </summary>
    private static string WhitespaceBefore(string text, int offset)
    {
        var start = offset;
        while (start > 0 && char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }
        return start == offset ? " " : text[start..offset];
    }

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";
}
