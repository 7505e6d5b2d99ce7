using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

public sealed class ScalarSyntax : SyntaxNode
{
    public ScalarSyntax(string value, bool isPlain, TextSpan span) : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted and not a block scalar: only plain scalars can be numbers, booleans or null.</summary>
    public bool IsPlain { get; }

    /// <summary>A plain empty scalar, "~" or "null": what YAML reads as no value.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");

    public override string KindName => IsNull ? "null" : "scalar";

    public override string ToString() => Value;
}
