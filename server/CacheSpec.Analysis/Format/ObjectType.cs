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
}
