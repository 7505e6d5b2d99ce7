namespace CacheSpec.Analysis.Format;

public sealed class ListType : TypeDefinition
{
    public ListType(TypeDefinition item) => Item = item;

    public TypeDefinition Item { get; }

    public override string Expected => "a list";
}
