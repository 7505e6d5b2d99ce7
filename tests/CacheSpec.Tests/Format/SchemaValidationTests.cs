using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;
using CacheSpec.Tests.Support;
using Json.Schema;

namespace CacheSpec.Tests.Format;

/// <summary>The schema agrees with the engine in behaviour too: what the engine finds well formed, the schema accepts,
/// and the reverse for format errors.</summary>
public class SchemaValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Schema));

    public static TheoryData<string> RightExamples => new(
        Directory.GetFiles(RepositoryPaths.Examples, "*.cachespec.y*ml", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}broken{Path.DirectorySeparatorChar}"))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Examples, path)));

    [Theory]
    [MemberData(nameof(RightExamples))]
    public void The_right_examples_satisfy_the_schema(string file)
    {
        var tree = SyntaxTree.Parse(new SourceText(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, file))));
        foreach (var document in tree.Documents.Where(document => document.Root is not null))
        {
            var result = Schema.Evaluate(ToElement(document.Root!),
                new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file}: " + string.Join("; ", (result.Details
                ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).SelectMany(d =>
                d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Theory]
    [InlineData("unknown-key", "    tier: Premium\n    tierr: Premium\n")]
    [InlineData("invalid-value", "    tier: Premiun\n")]
    [InlineData("missing-required", "")]
    public void Format_errors_the_engine_reports_are_schema_errors_too(string code, string cacheLines)
    {
        var text = Specs.Header + "caches:\n  - name: c1\n    size: P1\n" + cacheLines + (code == "missing-required"
            ? "" : "    isolation:\n      publicNetworkAccess: Disabled\n");
        Assert.Contains(code, Specs.Analyze(text).Codes());
        var root = SyntaxTree.Parse(new SourceText(text)).Documents[0].Root!;
        Assert.False(Schema.Evaluate(ToElement(root)).IsValid);
    }

    private static JsonElement ToElement(SyntaxNode node) => JsonDocument.Parse(ToJson(node)?.ToJsonString() ?? "null")
        .RootElement;

    /// <summary>Reads YAML as JSON the way YAML 1.2's core schema types plain scalars.</summary>
    private static JsonNode? ToJson(SyntaxNode node)
    {
        switch (node.Resolved)
        {
            case MappingSyntax mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.KeyText ?? string.Empty] = ToJson(entry.Value);
                }
                return obj;
            case SequenceSyntax sequence:
                return new JsonArray(sequence.Items.Select(ToJson).ToArray());
            case ScalarSyntax { IsNull: true }:
                return null;
            case ScalarSyntax scalar when scalar.IsPlain:
                if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                    out var integer))
                {
                    return JsonValue.Create(integer);
                }
                if (scalar.Value is "true" or "false")
                {
                    return JsonValue.Create(scalar.Value == "true");
                }
                if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }
                return JsonValue.Create(scalar.Value);
            case ScalarSyntax scalar:
                return JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }
}
