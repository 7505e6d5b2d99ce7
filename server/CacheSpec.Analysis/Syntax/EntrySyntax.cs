namespace CacheSpec.Analysis.Syntax;

/// <summary>One key and value of a mapping. The value is a null scalar where the text has none.</summary>
public sealed class EntrySyntax
{
    public EntrySyntax(SyntaxNode key, SyntaxNode value)
    {
        Key = key;
        Value = value;
    }

    public SyntaxNode Key { get; }

    public SyntaxNode Value { get; internal set; }

    /// <summary>The key's text when it is a scalar, else null.</summary>
    public string? KeyText => (Key as ScalarSyntax)?.Value;
}
