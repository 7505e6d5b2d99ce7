namespace CacheSpec.Analysis.Syntax;

/// <summary>
/// Finds what was kept from the tree before an edit for one node of the tree after it: the incremental parser hands the
/// list items an edit did not touch over as the very same nodes, so a node met again is an item whose content and spans
/// are unchanged.
/// </summary>
internal static class SameNode
{
    /// <summary>
    /// The index of the entry made from <paramref name="node"/> itself, or -1. The entries must be in text order: the
    /// search is a binary one by start, and the entry found there counts only if its node is the very same object.
    /// </summary>
    public static int IndexIn<T>(IReadOnlyList<T> entries, Func<T, SyntaxNode> nodeOf, SyntaxNode node)
    {
        int low = 0, high = entries.Count - 1;
        var start = node.Span.Start;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var candidate = nodeOf(entries[middle]);
            if (candidate.Span.Start < start)
            {
                low = middle + 1;
            }
            else if (candidate.Span.Start > start)
            {
                high = middle - 1;
            }
            else
            {
                return ReferenceEquals(candidate, node) ? middle : -1;
            }
        }
        return -1;
    }
}
