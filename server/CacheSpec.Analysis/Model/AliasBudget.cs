using System.Globalization;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Model;

/// <summary>
/// Counts the entries and items the binder reads through aliases in one document. An alias of a collection whose
/// members are aliases again would otherwise multiply the model at every level (nine aliases over ten levels make a
/// billion caches from a few lines). Once the count would pass <see cref="AnalysisLimits.MaxAliasedNodes"/>, every
/// further alias to a mapping or list reads as absent.
/// </summary>
internal sealed class AliasBudget
{
    private bool exhausted;

    public AliasBudget(AnalysisBudget analysis) => Analysis = analysis;

    /// <summary>The deadline and meter of the file's reading, which every reader of the document shares.</summary>
    public AnalysisBudget Analysis { get; }

    /// <summary>The first alias refused, reported as limit-exceeded; null while the budget holds.</summary>
    public LimitFinding? Exceeded { get; private set; }

    /// <summary>Where the binder stopped because the time limit had passed; null while there was time.</summary>
    public LimitFinding? OutOfTime { get; private set; }

    /// <summary>
    /// True while the time limit has not passed; the first item met after it is where the binder stops and says so.
    /// Called from two threads for a large document, which at worst both record a stop.
    /// </summary>
    public bool HasTime(SyntaxNode item)
    {
        if (!Analysis.IsSpent)
        {
            return true;
        }
        OutOfTime ??= new LimitFinding(new Text.TextSpan(item.Span.Start, 0),
            $"Reading this document ran longer than {Analysis.TimeText}, its time limit: from here on, its list " +
            "items are not read into the model and no rule checks them.");
        return false;
    }

    /// <summary>How many entries and items were read through aliases so far (at most the limit).</summary>
    public int Counted { get; private set; }

    /// <summary>
    /// The node as a <typeparamref name="T"/>, its alias resolved; null when it is something else, or an alias of a
    /// collection the budget no longer covers. Only what is read is counted: an alias of a list where a mapping is
    /// wanted costs nothing.
    /// </summary>
    public T? Read<T>(SyntaxNode? node) where T : SyntaxNode
    {
        Analysis.Count(1);
        if (node is not AliasSyntax alias)
        {
            return node as T;
        }
        if (alias.Resolved is not T target)
        {
            return null;
        }
        var size = target switch
        {
            MappingSyntax mapping => mapping.Entries.Count,
            SequenceSyntax sequence => sequence.Items.Count,
            _ => 0,
        };
        if (size == 0 || (!exhausted && Counted + size <= AnalysisLimits.MaxAliasedNodes))
        {
            Counted += size;
            return target;
        }
        exhausted = true;
        Exceeded ??= new LimitFinding(alias.Span,
            $"Reading '*{alias.Name}' would bring the entries and items read through aliases in this document past " +
            $"{AnalysisLimits.MaxAliasedNodes.ToString("N0", CultureInfo.InvariantCulture)}, the most the checker " +
                "reads: " +
            "from here on, aliases of mappings and lists read as absent and what they hold is not checked.");
        return null;
    }
}
