using System.Text.Json;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Facts;

namespace CacheSpec.Analysis.Configuration;

/// <summary>
/// The settings of a cachespec.json: the default guidance profile and cloud (for specs that name none) and a level per
/// rule id.
/// The host finds and reads the file; the engine only parses its text, so it stays free of IO.
/// </summary>
public sealed record RuleConfiguration(GuidanceProfile? Guidance, IReadOnlyDictionary<string, RuleLevel> Rules)
{
    public const string FileName = "cachespec.json";

    /// <summary>The Azure cloud for specs that name none (a name of the facts catalog's clouds), or null.</summary>
    public string? Cloud { get; init; }

    /// <summary>
    /// The problem of a configuration larger than <see cref="AnalysisLimits.MaxConfigurationBytes"/>.
    /// </summary>
    public const string TooLargeProblem = "it is larger than 1 MiB, so it is not read";

    public static RuleConfiguration Empty { get; } = new(null, new Dictionary<string, RuleLevel>());

    /// <summary>
    /// The severity for a finding of a rule that may be configured: the configured level, else the rule's own; null
    /// when the finding is to be dropped. (The rules that say part of a spec was not read or checked are never handed
    /// here.)
    /// </summary>
    public DiagnosticSeverity? Apply(string ruleId, DiagnosticSeverity severity) =>
        !Rules.TryGetValue(ruleId, out var level)
            ? severity
            : level switch
            {
                RuleLevel.Off => null,
                RuleLevel.Info => DiagnosticSeverity.Info,
                RuleLevel.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Error,
            };

    /// <summary>
    /// Parses a configuration; every problem (bad JSON, unknown keys, rule ids or levels) makes that part ignored, and
    /// the first <see cref="AnalysisLimits.MaxConfigurationProblems"/> are listed. A rule id is checked against
    /// <paramref name="ruleIds"/> (the catalog's: RuleCatalog.Ids); null accepts any.
    /// </summary>
    public static RuleConfiguration Parse(string json, IReadOnlySet<string>? ruleIds,
        out IReadOnlyList<string> problems)
    {
        var found = new ConfigurationProblems();
        var configuration = Parse(json, ruleIds, found);
        problems = found.Reported();
        return configuration;
    }

    internal static RuleConfiguration Parse(string json, IReadOnlySet<string>? ruleIds, ConfigurationProblems found)
    {
        if (json.Length > AnalysisLimits.MaxConfigurationBytes)
        {
            found.Add(TooLargeProblem);
            return Empty;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            found.Add($"it is not valid JSON ({exception.Message})");
            return Empty;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                found.Add("it must hold a JSON object");
                return Empty;
            }
            GuidanceProfile? guidance = null;
            string? cloud = null;
            var rules = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "$schema":
                        break;
                    case "guidance":
                        guidance = property.Value.ValueKind == JsonValueKind.String
                            ? GuidanceProfiles.Parse(property.Value.GetString()) : null;
                        if (guidance is null)
                        {
                            found.Add("\"guidance\" must be \"2020-10\" or \"current\"");
                        }
                        break;
                    case "cloud":
                        cloud = property.Value.ValueKind == JsonValueKind.String
                            && AzureFacts.Catalog.Clouds.Any(fact => fact.Name == property.Value.GetString())
                            ? property.Value.GetString() : null;
                        if (cloud is null)
                        {
                            found.Add("\"cloud\" must be " + string.Join(", ",
                                AzureFacts.Catalog.Clouds.Select(fact => $"\"{fact.Name}\"")));
                        }
                        break;
                    case "rules" when property.Value.ValueKind == JsonValueKind.Object:
                        foreach (var rule in property.Value.EnumerateObject())
                        {
                            ReadRule(rule, ruleIds, rules, found);
                        }
                        break;
                    default:
                        found.Add($"\"{property.Name}\" is not a setting (expected guidance, cloud and rules)");
                        break;
                }
            }
            return new RuleConfiguration(guidance, rules) { Cloud = cloud };
        }
    }

    private static void ReadRule(JsonProperty rule, IReadOnlySet<string>? ruleIds, Dictionary<string, RuleLevel> rules,
        ConfigurationProblems problems)
    {
        if (ruleIds is not null && !ruleIds.Contains(rule.Name))
        {
            problems.Add($"\"{rule.Name}\" is not a rule id");
            return;
        }
        RuleLevel? level = rule.Value.ValueKind == JsonValueKind.String
            ? rule.Value.GetString() switch
            {
                "off" => RuleLevel.Off,
                "info" => RuleLevel.Info,
                "warning" => RuleLevel.Warning,
                "error" => RuleLevel.Error,
                _ => null,
            }
            : null;
        if (level is null)
        {
            problems.Add($"the level of \"{rule.Name}\" must be off, info, warning or error");
            return;
        }
        rules[rule.Name] = level.Value;
    }
}
