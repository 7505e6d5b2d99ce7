using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Structure;
using CacheSpec.Server;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Format;

/// <summary>
/// Holds docs/format.md equal to the engine's format (SpecFormat), both ways: every object and key of the format has
/// its row, with its type, required flag, enum values, pattern or range, and the JSON Schema's default; and the page
/// documents nothing the format lacks.
/// </summary>
public class FormatReferenceTests
{
    private static readonly FormatReferenceTables Reference = FormatReferenceTables.Load();

    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema))!;

    public static TheoryData<string> ObjectNames => new(SpecFormat.AllObjects.Select(type => type.Name));

    [Fact]
    public void The_reference_has_a_section_for_each_object_of_the_format_and_no_other()
    {
        Assert.Equal(SpecFormat.AllObjects.Select(type => Code(type.Name)), Reference.Objects.Select(section =>
            section.Heading));
    }

    [Theory]
    [MemberData(nameof(ObjectNames))]
    public void Each_objects_table_has_the_formats_keys_in_order_with_their_definitions(string name)
    {
        var type = SpecFormat.AllObjects.Single(candidate => candidate.Name == name);
        var rows = Reference.Rows(Code(name));
        Assert.Equal(type.Fields.Select(field => Code(field.Name)), rows.Select(row => row[0]));
        foreach (var (field, row) in type.Fields.Zip(rows))
        {
            var expected = new[] { Code(field.Name), TypeText(field.Type), field.Required ? "yes" : "no",
                ValuesText(field.Type), DefaultText(type, field) };
            var documented = row.Take(expected.Length).Select(FormatReferenceTables.WithoutLinks).ToArray();
            Assert.True(expected.SequenceEqual(documented) && row.Length == expected.Length + 1,
                $"{name}.{field.Name}: docs/format.md has\n  {string.Join(" | ", row)}\nthe format says\n  " +
                    $"{string.Join(" | ", expected)} | (meaning)");
            Assert.False(row[^1] is "" or "-", $"{name}.{field.Name} has no meaning in docs/format.md");
        }
    }

    [Fact]
    public void The_service_tags_are_the_formats()
    {
        Assert.Equal(SpecFormat.ServiceTags.Select(Code), Reference.Rows("Service tags").Select(row => row[0]));
    }

    [Fact]
    public void The_sizes_per_tier_are_the_engines()
    {
        var expected = SpecFormat.Tiers.Select(tier =>
            Code(tier) + " | " + string.Join(", ", InvalidSizeForTierRule.SizesFor(Enum.Parse<CacheTier>(tier))
                .Select(Code)));
        Assert.Equal(expected, Reference.Rows("Sizes per tier").Select(row => string.Join(" | ", row)));
    }

    [Fact]
    public void The_keys_from_other_tools_are_the_engines()
    {
        static string Normalize(string key) => key.Trim('`').Replace("_", string.Empty, StringComparison.Ordinal)
            .ToLowerInvariant();
        var documented = Reference.Rows("Keys from other tools")
            .SelectMany(row => row[1].Split(", ").Select(key => (Object: row[0].Trim('`'), Key: Normalize(key),
                Targets: string.Join(" and ", row[2].Split(" and ").Select(target => target.Trim('`'))))))
            .OrderBy(row => row.Object, StringComparer.Ordinal).ThenBy(row => row.Key, StringComparer.Ordinal)
            .Distinct();
        var engine = ForeignKeys.All.Select(row => (row.Object, row.Key, Targets: string.Join(" and ", row.Targets)))
            .OrderBy(row => row.Object, StringComparer.Ordinal).ThenBy(row => row.Key, StringComparer.Ordinal);
        Assert.Equal(engine, documented);
    }

    [Fact]
    public void The_check_synopsis_is_the_executables_usage()
    {
        var synopsis = CommandLine.Usage.Split('\n').Select(line => line.Trim()).Single(line =>
            line.StartsWith("cachespec check ", StringComparison.Ordinal));
        Assert.Contains(synopsis, Reference.Text);
    }

    [Fact]
    public void Every_relative_link_leads_to_a_file_or_a_heading_of_the_page()
    {
        var anchors = Reference.Sections.Select(section => Slug(section.Heading)).ToHashSet();
        var docs = Path.GetDirectoryName(RepositoryPaths.FormatReference)!;
        foreach (Match link in Regex.Matches(Reference.Text, @"\]\((?<target>[^)#\s\[\]{}]*)(#(?<anchor>[^)\s]+))?\)"))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith("https://", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.True(target.Length > 0 || anchors.Contains(link.Groups["anchor"].Value),
                $"docs/format.md links to a missing heading: {link.Value}");
            var path = Path.Combine(docs, target);
            Assert.True(File.Exists(path) || Directory.Exists(path),
                $"docs/format.md links to a missing file: {link.Value}");
        }
    }

    /// <summary>How the page's type column names a type: the object's name, "list of ...", or a name per kind of
    /// scalar.</summary>
    private static string TypeText(TypeDefinition type) => type switch
    {
        ObjectType objectType => Code(objectType.Name),
        ListType list => "list of " + TypeText(list.Item),
        UnionType union => TypeText(union.Scalar) + " or " + TypeText(union.Object),
        ScalarType scalar => scalar.Kind switch
        {
            ValueKind.String => "string",
            ValueKind.Integer => "integer",
            ValueKind.Boolean => "boolean",
            ValueKind.Enum => "enum",
            ValueKind.Cidr => "CIDR",
            ValueKind.IpAddress => "IPv4 address",
            ValueKind.Port => "port",
            ValueKind.SubnetReference => "subnet reference",
            ValueKind.NsgReference => "NSG name",
            ValueKind.CacheReference => "cache name",
            ValueKind.AddressSelector => "address",
            ValueKind.NetworkReference => "network name",
            ValueKind.ClientSource => "client source",
            ValueKind.FirewallSource => "firewall source",
            ValueKind.Date => "date",
            _ => throw new ArgumentOutOfRangeException(nameof(type), scalar.Kind,
                "docs/format.md has no name for this kind of value"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a type of the format"),
    };

    /// <summary>The values column: a list's item's values, an enum's values, a pattern, an integer's range, or
    /// "-".</summary>
    private static string ValuesText(TypeDefinition type) => type switch
    {
        ListType list => ValuesText(list.Item),
        UnionType union => ValuesText(union.Scalar),
        ScalarType { Kind: ValueKind.Enum } scalar => string.Join(", ", scalar.EnumValues.Select(Code)),
        ScalarType { Pattern: { } pattern } => Code(pattern),
        ScalarType { Minimum: { } minimum, Maximum: { } maximum } => $"{minimum}..{maximum}",
        _ => "-",
    };

    /// <summary>The JSON Schema's default of a key, as the page writes it, or "-".</summary>
    private static string DefaultText(ObjectType type, FieldDefinition field)
    {
        var schema = type == SpecFormat.Root ? Schema : Schema["$defs"]![type.Name]!;
        return schema["properties"]![field.Name]!["default"] switch
        {
            null => "-",
            JsonValue value when value.TryGetValue<string>(out var text) => Code(text),
            var value => Code(value.ToJsonString()),
        };
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes.</summary>
    private static string Slug(string heading) =>
        Regex.Replace(heading.ToLowerInvariant(), @"[^a-z0-9 _-]", string.Empty).Replace(' ', '-');

    private static string Code(string text) => $"`{text}`";
}
