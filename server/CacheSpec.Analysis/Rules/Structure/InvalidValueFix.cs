using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// A value the format rejects, where the intended one is plain: quote a string that YAML would read as a number or
/// boolean, replace a misspelled enum value or service tag with the closest one, read yes/no/on/off as a boolean (and
/// true/false as Enabled/Disabled where the format wants those).
/// </summary>
internal sealed class InvalidValueFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document
            || FormatLocator.At(document, context.Span)
                is not { IsKey: false, Node: ScalarSyntax { IsNull: false } scalar, NodeType: ScalarType type }
            || type.CheckedByRule is not null)
        {
            yield break;
        }
        var text = context.File.Text;
        var value = scalar.Value;
        if (FormatValidator.QuotingWanted(scalar, type) is not null)
        {
            if (YamlEdits.ReplaceScalar(context.File, scalar, YamlText.DoubleQuoted(value)) is { } quote)
            {
                yield return new CodeFix($"Quote the value: \"{value}\"", new[] { quote }, IsPreferred: true);
            }
            yield break;
        }
        var (replacement, yaml) = type.Kind switch
        {
            ValueKind.Enum when !type.EnumValues.Contains(value) =>
                Written(Suggestions.Closest(value, type.EnumValues) ?? AccessFor(value, type.EnumValues), text, scalar),
            ValueKind.Boolean => (Boolean(value), Boolean(value)),
            ValueKind.AddressSelector when IsMisspelledTag(value) =>
                Written(Suggestions.Closest(value, SpecFormat.ServiceTags), text, scalar),
            _ => (null, null),
        };
        if (replacement is not null && yaml is not null
            && YamlEdits.ReplaceScalar(context.File, scalar, yaml) is { } edit)
        {
            yield return new CodeFix($"Change '{value}' to {replacement}", new[] { edit }, IsPreferred: true);
        }
    }

    private static (string?, string?) Written(string? replacement, SourceText text, ScalarSyntax scalar) =>
        replacement is null ? (null, null) : (replacement, YamlText.StringLike(text, scalar, replacement));

    /// <summary>true/false (and yes/no, on/off) where the format wants Enabled or Disabled.</summary>
    private static string? AccessFor(string value, IReadOnlyList<string> values) =>
        values.Count == 2 && values.Contains("Enabled") && values.Contains("Disabled") && Boolean(value) is { } boolean
            ? boolean == "true" ? "Enabled" : "Disabled"
            : null;

    private static string? Boolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "on" => "true",
        "false" or "no" or "n" or "off" => "false",
        _ => null,
    };

    /// <summary>
    /// What the validator rejects as a source or destination: not "*", a tag, an address, a prefix or a subnet
    /// reference.
    /// </summary>
    private static bool IsMisspelledTag(string value) =>
        value != "*" && !SpecFormat.ServiceTags.Contains(value) && !Ipv4Address.TryParse(value, out _)
            && !value.Contains('/');
}
