using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Features;

/// <summary>
/// Where the cursor stands in a spec, read from the text's indentation so it works while the YAML is broken: the path
/// of keys from the root ("[]" for a list item), whether a key or a value is being typed, and the mapping's other keys.
/// </summary>
public sealed record CursorContext(
    IReadOnlyList<string> Path,
    bool IsValue,
    string? Key,
    string Prefix,
    TextSpan ReplaceSpan,
    int Column,
    IReadOnlySet<string> SiblingKeys,
    IReadOnlyDictionary<string, string> SiblingValues)
{
    /// <summary>The object whose keys stand at the cursor's column, when the path resolves in the format.</summary>
    public ObjectType? Object => Resolve(Path) switch
    {
        ObjectType obj => obj,
        UnionType union => union.Object, // keys of an item's long form
        _ => null,
    };

    /// <summary>For a value: the type of the value being typed (the item type for a list of scalars).</summary>
    public TypeDefinition? ValueType
    {
        get
        {
            if (!IsValue)
            {
                return null;
            }
            var type = Key is null ? Resolve(Path) : Object?.Find(Key)?.Type;
            type = type is ListType list ? list.Item : type;
            // A value typed where an item may be short or long is its short form.
            return type is UnionType union ? union.Scalar : type;
        }
    }

    public static TypeDefinition? Resolve(IReadOnlyList<string> path)
    {
        TypeDefinition? type = SpecFormat.Root;
        foreach (var segment in path)
        {
            type = (segment, type) switch
            {
                ("[]", ListType list) => list.Item,
                (_, ObjectType obj) => obj.Find(segment)?.Type,
                (_, UnionType union) => union.Object.Find(segment)?.Type,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }
        return type;
    }
}
