namespace CacheSpec.Analysis.Format;

/// <summary>A mapping with known keys; any other key is an error.</summary>
public sealed class ObjectType : TypeDefinition
{
    private readonly Dictionary<string, FieldDefinition> byName;

    public ObjectType(string name, params FieldDefinition[] fields)
    {
        Name = name;
        Fields = fields;
        byName = fields.ToDictionary(field => field.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// The format's name for this object ("cache", "subnet"...), used in messages and guidance anchors.
    /// </summary>
    public string Name { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public override string Expected => "a mapping";

    public FieldDefinition? Find(string key) => byName.GetValueOrDefault(key);

    /// <summary>
    /// The forms of an object that may be written in one of several ways: each form is a set of keys that go together,
    /// and a mapping must hold every key of exactly one form (a firewall rule has startIp and endIp, or source). Empty
    /// for most objects. The JSON Schema writes it as <c>oneOf</c> of the forms' <c>required</c> lists.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Forms { get; init; } = [];
}
