using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Format;

/// <summary>
/// The format issues of each item of a document's top-level lists (one cache, one network...), kept with the document
/// so that the validation of the next text can reuse those of the items an edit left alone: the incremental parser
/// hands such an item over as the very same node, with the same spans, so its issues are the same. Keys are compared by
/// reference, never by content.
/// </summary>
internal sealed class ItemIssues
{
    /// <summary>In the order the validation met them, which is text order, as <see cref="SameNode"/> needs.</summary>
    private readonly List<(SyntaxNode Item, TypeDefinition Type, FormatIssue[] Issues)> items = new();

    /// <summary>
    /// False once an item started before the one added ahead of it (duplicate keys can do that): nothing is then looked
    /// up.
    /// </summary>
    private bool inTextOrder = true;

    /// <summary>
    /// How many items the validation that built this memo took from the previous one (for the tests).
    /// </summary>
    public int Reused { get; private set; }

    public int Count => items.Count;

    /// <summary>
    /// The issues of an item validated against the same type by the previous validation, if it kept them.
    /// </summary>
    public bool TryGet(SyntaxNode item, TypeDefinition type, out FormatIssue[] issues)
    {
        var index = inTextOrder ? SameNode.IndexIn(items, entry => entry.Item, item) : -1;
        if (index >= 0 && ReferenceEquals(items[index].Type, type))
        {
            issues = items[index].Issues;
            return true;
        }
        issues = Array.Empty<FormatIssue>();
        return false;
    }

    public void Add(SyntaxNode item, TypeDefinition type, FormatIssue[] issues, bool reused)
    {
        inTextOrder &= items.Count == 0 || items[^1].Item.Span.Start < item.Span.Start;
        items.Add((item, type, issues));
        if (reused)
        {
            Reused++;
        }
    }
}
