using System.Text.Json.Nodes;
using CacheSpec.Analysis.Format;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>Holds schemas/cachespec.schema.json and the engine's format definition (SpecFormat) equal, key by
/// key.</summary>
public class SchemaDriftTests
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema))!;

    public static TheoryData<string> ObjectNames => new(SpecFormat.AllObjects.Select(type => type.Name));

    private static JsonObject SchemaOf(ObjectType type) =>
        type == SpecFormat.Root ? Schema : (JsonObject)Schema["$defs"]![type.Name]!;

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
    }

    [Fact]
    public void The_schema_defines_no_object_the_format_lacks()
    {
        var defined = ((JsonObject)Schema["$defs"]!).Select(pair => pair.Key).Order();
        Assert.Equal(SpecFormat.AllObjects.Where(type => type != SpecFormat.Root).Select(type => type.Name).Order(),
            defined);
    }

    [Theory]
    [MemberData(nameof(ObjectNames))]
    public void Each_object_has_the_same_keys_required_keys_and_types(string name)
    {
        var type = SpecFormat.AllObjects.Single(candidate => candidate.Name == name);
        var schema = SchemaOf(type);
        Assert.Equal("object", (string?)schema["type"]);
        Assert.False((bool?)schema["additionalProperties"] ?? true, $"{name} must forbid additional properties");
        var properties = (JsonObject)schema["properties"]!;
        Assert.Equal(type.Fields.Select(field => field.Name).Order(), properties.Select(pair => pair.Key).Order());
        var required = (schema["required"] as JsonArray)?.Select(node => (string)node!).Order().ToArray()
            ?? Array.Empty<string>();
        Assert.Equal(type.Fields.Where(field => field.Required).Select(field => field.Name).Order(), required);
        foreach (var field in type.Fields)
        {
            var property = (JsonObject)properties[field.Name]!;
            Assert.False(string.IsNullOrWhiteSpace((string?)property["description"]),
                $"{name}.{field.Name} has no description");
            AssertSameType(field.Type, property, $"{name}.{field.Name}");
        }
        AssertSameForms(type, schema);
    }

    /// <summary>An object with forms (a firewall rule: startIp and endIp, or source) has one oneOf alternative per
    /// form, requiring its keys.</summary>
    private static void AssertSameForms(ObjectType type, JsonObject schema)
    {
        var alternatives = (schema["oneOf"] as JsonArray)?.Cast<JsonObject>()
            .Select(alternative => string.Join(",", ((JsonArray)alternative["required"]!).Select(key => (string)key!)))
            .ToArray() ?? [];
        Assert.Equal(type.Forms.Select(form => string.Join(",", form)), alternatives);
    }

    private static void AssertSameType(TypeDefinition type, JsonObject schema, string where)
    {
        switch (type)
        {
            case ObjectType objectType:
                Assert.Equal($"#/$defs/{objectType.Name}", (string?)schema["$ref"]);
                break;
            case ListType list:
                Assert.Equal("array", (string?)schema["type"]);
                AssertSameType(list.Item, (JsonObject)schema["items"]!, where + "[]");
                break;
            case ScalarType scalar:
                AssertSameScalar(scalar, schema, where);
                break;
            case UnionType union:
                var forms = ((JsonArray)schema["anyOf"]!).Cast<JsonObject>().ToArray();
                Assert.Equal(2, forms.Length);
                AssertSameScalar(union.Scalar, forms[0], where + " (short form)");
                AssertSameType(union.Object, forms[1], where + " (long form)");
                break;
            default:
                Assert.Fail($"{where}: the test does not know the type {type.GetType().Name}");
                break;
        }
    }

    private static void AssertSameScalar(ScalarType scalar, JsonObject schema, string where)
    {
        switch (scalar.Kind)
        {
            case ValueKind.Enum:
                var values = ((JsonArray)schema["enum"]!).Select(node => (string)node!).ToArray();
                Assert.Equal(scalar.EnumValues, values);
                break;
            case ValueKind.Integer:
                Assert.Equal("integer", (string?)schema["type"]);
                Assert.Equal(scalar.Minimum, (long?)schema["minimum"]);
                Assert.Equal(scalar.Maximum, (long?)schema["maximum"]);
                break;
            case ValueKind.Boolean:
                Assert.Equal("boolean", (string?)schema["type"]);
                break;
            case ValueKind.Port:
                var alternatives = ((JsonArray)schema["anyOf"]!).Cast<JsonObject>().ToArray();
                Assert.Contains(alternatives, alternative => (string?)alternative["pattern"] == scalar.Pattern);
                Assert.Contains(alternatives, alternative => (string?)alternative["type"] == "integer");
                break;
            default:
                Assert.True((string?)schema["type"] == "string", $"{where} must be a string in the schema");
                Assert.True((string?)schema["pattern"] == scalar.Pattern,
                    $"{where}: pattern '{(string?)schema["pattern"]}' differs from '{scalar.Pattern}'");
                break;
        }
    }
}
