using CacheSpec.Analysis.Text;

namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Copies a subtree with every span moved by the same amount: trees are shared between snapshots, so nodes are never
/// moved in place.
/// </summary>
internal static class SyntaxShifter
{
    /// <summary>Only for trees without aliases: an alias's target would have to be the copy of its anchor.</summary>
    public static SyntaxNode Shift(SyntaxNode node, int delta)
    {
        if (delta == 0)
        {
            return node;
        }
        var span = new TextSpan(node.Span.Start + delta, node.Span.Length);
        switch (node)
        {
            case ScalarSyntax scalar:
                return new ScalarSyntax(scalar.Value, scalar.IsPlain, span);
            case MappingSyntax mapping:
                var newMapping = new MappingSyntax(span, mapping.IsFlow);
                foreach (var entry in mapping.Entries)
                {
                    newMapping.Add(new EntrySyntax(Shift(entry.Key, delta), Shift(entry.Value, delta)));
                }
                return newMapping;
            case SequenceSyntax sequence:
                var newSequence = new SequenceSyntax(span, sequence.IsFlow);
                foreach (var item in sequence.Items)
                {
                    newSequence.Add(Shift(item, delta));
                }
                return newSequence;
            default:
                throw new InvalidOperationException($"A tree with {node.GetType().Name} nodes is never shifted.");
        }
    }
}
