using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

public sealed class SequenceSyntax : SyntaxNode
{
    private readonly List<SyntaxNode> items = new();

    public SequenceSyntax(TextSpan span, bool isFlow) : base(span) => IsFlow = isFlow;

    public bool IsFlow { get; }

    public IReadOnlyList<SyntaxNode> Items => items;

    public override string KindName => "sequence";

    internal void Add(SyntaxNode item) => items.Add(item);
}
