namespace CacheSpec.Analysis.Format;

/// <summary>
/// A value that may be written short, as a scalar, or long, as a mapping (a peering is a network name or a mapping
/// with <c>network</c>): a scalar node is checked against <see cref="Scalar"/>, a mapping against
/// <see cref="Object"/>, anything else is an invalid value. The JSON Schema writes it as <c>anyOf</c> of the two.
/// </summary>
public sealed class UnionType : TypeDefinition
{
    public UnionType(ScalarType scalar, ObjectType objectType)
    {
        Scalar = scalar;
        Object = objectType;
    }

    public ScalarType Scalar { get; }

    public ObjectType Object { get; }

    public override string Expected => $"{Scalar.Expected} or {Article(Object.Name)} mapping";

    private static string Article(string noun) =>
        ("aeiou".Contains(char.ToLowerInvariant(noun[0])) ? "an " : "a ") + noun;
}
