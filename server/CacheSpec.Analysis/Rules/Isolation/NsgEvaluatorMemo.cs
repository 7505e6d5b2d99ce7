using System.Runtime.CompilerServices;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Keeps the evaluator built for an NSG from one analysis to the next. An evaluator is reused only for the very same
/// NSG node (an edit elsewhere in the file leaves it so, see <see cref="IncrementalParser"/>) and equal resolved rules
/// and VirtualNetwork space, compared field by field, so the subnets its rules name and the network it applies to may
/// change freely. The rules keep their syntax for reporting, which is then the same nodes as the current model's.
/// Entries live as long as their NSG node, a few per node. One per <see cref="AnalysisMemory"/>.
/// </summary>
internal sealed class NsgEvaluatorMemo
{
    /// <summary>Distinct inputs kept per NSG: one per network space it is used in is the usual need.</summary>
    private const int MaxPerNsg = 8;

    private readonly ConditionalWeakTable<SyntaxNode, List<Entry>> evaluators = new();

    public NsgEvaluator For(NsgModel nsg, IReadOnlyList<NsgRule> rules, IReadOnlyList<Ipv4Range> virtualNetworkSpace)
    {
        var entries = evaluators.GetValue(nsg.Syntax, _ => new List<Entry>());
        lock (entries)
        {
            foreach (var entry in entries)
            {
                if (SameRules(entry.Rules, rules) && entry.VirtualNetworkSpace.SequenceEqual(virtualNetworkSpace))
                {
                    return entry.Evaluator;
                }
            }
            if (entries.Count >= MaxPerNsg)
            {
                entries.RemoveAt(0);
            }
            var evaluator = new NsgEvaluator(rules, virtualNetworkSpace);
            entries.Add(new Entry(rules, virtualNetworkSpace, evaluator));
            return evaluator;
        }
    }

    /// <summary>
    /// Equal in everything the evaluator reads (the origin is the rule's syntax, the same nodes under the same NSG
    /// node).
    /// </summary>
    private static bool SameRules(IReadOnlyList<NsgRule> kept, IReadOnlyList<NsgRule> rules)
    {
        if (kept.Count != rules.Count)
        {
            return false;
        }
        for (var i = 0; i < kept.Count; i++)
        {
            var (a, b) = (kept[i], rules[i]);
            if (a.Name != b.Name || a.Priority != b.Priority || a.Direction != b.Direction || a.Access != b.Access
                || a.Protocol != b.Protocol
                || !SameSelector(a.Source, b.Source) || !SameSelector(a.Destination, b.Destination)
                    || !a.Ports.SequenceEqual(b.Ports))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameSelector(AddressSelector a, AddressSelector b) =>
        a.IsAny == b.IsAny && a.Tag == b.Tag && a.Ranges.SequenceEqual(b.Ranges);

    private sealed record Entry(IReadOnlyList<NsgRule> Rules, IReadOnlyList<Ipv4Range> VirtualNetworkSpace,
        NsgEvaluator Evaluator);
}
