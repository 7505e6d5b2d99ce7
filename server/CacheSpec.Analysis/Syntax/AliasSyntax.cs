using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// A "*name" reference to an anchored node. The tree shares the target instead of copying it,
/// so an alias bomb costs nothing to parse; walkers that follow aliases must bound their work.
/// </summary>
public sealed class AliasSyntax : SyntaxNode
{
    public AliasSyntax(string name, SyntaxNode target, TextSpan span) : base(span)
    {
        Name = name;
        Target = target;
    }

    public string Name { get; }

    public SyntaxNode Target { get; }

    public override SyntaxNode Resolved => Target.Resolved;

    public override string KindName => Target.KindName;
}
