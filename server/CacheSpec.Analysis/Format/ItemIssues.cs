using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// The format issues of each item of a document's top-level lists (one cache, one network...), kept with the document so that the
/// validation of the next text can reuse those of the items an edit left alone: the incremental parser hands such an item over as
/// the very same node, with the same spans, so its issues are the same. Keys are compared by reference, never by content.
/// </summary>
internal sealed class ItemIssues
{
    private readonly Dictionary<SyntaxNode, (TypeDefinition Type, FormatIssue[] Issues)> items = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many items the validation that built this memo took from the previous one (for the tests).</summary>
    public int Reused { get; private set; }

    public int Count => items.Count;

    /// <summary>The issues of an item validated against the same type by the previous validation, if it kept them.</summary>
    public bool TryGet(SyntaxNode item, TypeDefinition type, out FormatIssue[] issues)
    {
        if (items.TryGetValue(item, out var known) && ReferenceEquals(known.Type, type))
        {
            issues = known.Issues;
            return true;
        }
        issues = Array.Empty<FormatIssue>();
        return false;
    }

    public void Add(SyntaxNode item, TypeDefinition type, FormatIssue[] issues, bool reused)
    {
        items[item] = (type, issues);
        if (reused)
        {
            Reused++;
        }
    }
}
