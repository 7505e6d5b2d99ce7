using System.Globalization;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// Reads typed values out of a mapping, leniently: a value of the wrong shape reads as absent (the format validator
/// reports it), so the model holds only what is well formed. Aliases to collections are read through the document's
/// <see cref="AliasBudget"/>.
/// </summary>
internal readonly struct MappingReader
{
    private readonly MappingSyntax? mapping;
    private readonly AliasBudget budget;

    public MappingReader(SyntaxNode? node, AliasBudget budget)
    {
        this.budget = budget;
        mapping = budget.Read<MappingSyntax>(node);
    }

    public bool Exists => mapping is not null;

    public MappingSyntax? Syntax => mapping;

    public SyntaxNode? Key(string key) => mapping?.Find(key, budget.Analysis.Meter)?.Key;

    public MappingReader Child(string key) => new(mapping?.Find(key, budget.Analysis.Meter)?.Value, budget);

    /// <summary>
    /// True while the document's reading is within its time limit (see <see cref="AliasBudget.HasTime"/>).
    /// </summary>
    public bool HasTime(SyntaxNode item) => budget.HasTime(item);

    /// <summary>A reader for an item of one of this mapping's lists, sharing the document's alias budget.</summary>
    public MappingReader Item(SyntaxNode item) => new(item, budget);

    public Located<string>? String(string key)
    {
        var entry = mapping?.Find(key, budget.Analysis.Meter);
        return entry?.Value.Resolved is ScalarSyntax { IsNull: false } scalar
            ? new Located<string>(scalar.Value, entry.Value, entry.Key) : null;
    }

    public Located<int>? Integer(string key)
    {
        var text = String(key);
        return text is not null && ((ScalarSyntax)text.Node.Resolved).IsPlain
            && int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new Located<int>(value, text.Node, text.Key)
            : null;
    }

    public Located<bool>? Boolean(string key)
    {
        var text = String(key);
        if (text is null || !((ScalarSyntax)text.Node.Resolved).IsPlain)
        {
            return null;
        }
        return text.Value switch
        {
            "true" or "True" or "TRUE" => new Located<bool>(true, text.Node, text.Key),
            "false" or "False" or "FALSE" => new Located<bool>(false, text.Node, text.Key),
            _ => null,
        };
    }

    /// <summary>An enum value matched by its exact spelling in the format (case matters, as in the schema).</summary>
    public Located<T>? Enum<T>(string key, params ReadOnlySpan<(string Text, T Value)> values) where T : struct
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }
        foreach (var (spelling, value) in values)
        {
            if (spelling == text.Value)
            {
                return new Located<T>(value, text.Node, text.Key);
            }
        }
        return null;
    }

    public static Located<Cidr>? Cidr(Located<string>? text) =>
        text is not null && Network.Cidr.TryParse(text.Value, out var cidr)
            ? new Located<Cidr>(cidr, text.Node, text.Key) : null;

    public IEnumerable<SyntaxNode> Items(string key) =>
        budget.Read<SequenceSyntax>(mapping?.Find(key, budget.Analysis.Meter)?.Value) is { } sequence ? sequence.Items
            : Enumerable.Empty<SyntaxNode>();

    public IReadOnlyList<Located<string>> Strings(string key) =>
        Items(key).Select(item =>
            item.Resolved is ScalarSyntax { IsNull: false } scalar ? new Located<string>(scalar.Value, item) : null)
            .OfType<Located<string>>()
            .ToArray();
}
