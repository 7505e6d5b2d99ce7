using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Editing;

/// <summary>
/// A node found by its span while walking a document with the format: the mapping that holds it, that mapping's object
/// type, the entry, the key's field (null for an unknown key), the node itself (the key, the value, or an item of a
/// list value) and its type.
/// </summary>
internal sealed record FormatSite(MappingSyntax Owner, ObjectType OwnerType, EntrySyntax Entry, FieldDefinition? Field,
    SyntaxNode Node, TypeDefinition? NodeType)
{
    public bool IsKey => ReferenceEquals(Node, Entry.Key);
}
