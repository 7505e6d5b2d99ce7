using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Features;

/// <summary>The key or value under the cursor, with the format object and field it belongs to.</summary>
public sealed record SyntaxHit(SpecDocument Document, ObjectType Object, FieldDefinition Field, SyntaxNode Node,
    bool IsKey)
{
    public ScalarSyntax? Scalar => IsKey ? null : Node as ScalarSyntax;
}
