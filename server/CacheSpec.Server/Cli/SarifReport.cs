using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Rules;
using CacheSpec.Server.Discovery;

namespace CacheSpec.Server.Cli;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools: every rule with its description and help link, every finding as a result.
/// </summary>
public static class SarifReport
{
    public static void Write(TextWriter writer, IReadOnlyList<string> paths, AnalysisResult result)
    {
        var rules = RuleCatalog.All;
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index))
            .ToDictionary(pair => pair.Id, pair => pair.index);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "cachespec");
            json.WriteString("version", ProductInfo.Version);
            json.WriteString("semanticVersion", ProductInfo.Version);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Summary);
                json.WriteEndObject();
                json.WriteString("helpUri", RuleDocumentation.HelpUri(rule.Id));
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level",
                    Level(rule.Severities.Current ?? rule.Severities.V2020_10 ?? DiagnosticSeverity.Warning));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", rule.Category.ToString().ToLowerInvariant());
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("artifacts");
            foreach (var path in paths)
            {
                json.WriteStartObject();
                json.WriteStartObject("location");
                json.WriteString("uri", ToUri(path));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("results");
            foreach (var diagnostic in result.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Code);
                if (ruleIndex.TryGetValue(diagnostic.Code, out var index))
                {
                    json.WriteNumber("ruleIndex", index);
                }
                json.WriteString("level", Level(diagnostic.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", ToUri(diagnostic.Path));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", diagnostic.Range.Start.Line + 1);
                json.WriteNumber("startColumn", diagnostic.Range.Start.Character + 1);
                json.WriteNumber("endLine", diagnostic.Range.End.Line + 1);
                json.WriteNumber("endColumn", diagnostic.Range.End.Character + 1);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>SARIF levels: error, warning, note (info and hint).</summary>
    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>
    /// A relative path stays relative (SARIF resolves it against the run's folder), with forward slashes.
    /// </summary>
    private static string ToUri(string path) =>
        Path.IsPathRooted(path) ? FileUri.FromPath(path)
            : Uri.EscapeDataString(path.Replace('\\', '/')).Replace("%2F", "/");
}
