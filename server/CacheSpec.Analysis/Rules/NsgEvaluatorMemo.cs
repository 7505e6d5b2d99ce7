using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules;

/// <summary>
/// Keeps the evaluator built for an NSG from one analysis to the next. An evaluator is reused only for the very same NSG node (an
/// edit elsewhere in the file leaves it so, see <see cref="IncrementalParser"/>) and the same resolved rules and VirtualNetwork space,
/// so the subnets its rules name and the network it applies to may change freely. The rules keep their syntax for reporting, which is
/// then the same nodes as the current model's. Entries live as long as their NSG node and at most a few per node.
/// </summary>
internal static class NsgEvaluatorMemo
{
    /// <summary>Distinct inputs kept per NSG: one per network space it is used in is the usual need.</summary>
    private const int MaxPerNsg = 8;

    private static readonly ConditionalWeakTable<SyntaxNode, ConcurrentDictionary<string, NsgEvaluator>> evaluators = new();

    public static NsgEvaluator For(NsgModel nsg, IReadOnlyList<NsgRule> rules, IReadOnlyList<Ipv4Range> virtualNetworkSpace)
    {
        var byInputs = evaluators.GetValue(nsg.Syntax, _ => new ConcurrentDictionary<string, NsgEvaluator>(StringComparer.Ordinal));
        var key = InputsKey(rules, virtualNetworkSpace);
        if (byInputs.TryGetValue(key, out var known))
        {
            return known;
        }
        if (byInputs.Count >= MaxPerNsg)
        {
            byInputs.Clear();
        }
        return byInputs.GetOrAdd(key, _ => new NsgEvaluator(rules, virtualNetworkSpace));
    }

    /// <summary>Everything an evaluator is built from, written out (free text with its length first): equal keys build equal evaluators.</summary>
    private static string InputsKey(IReadOnlyList<NsgRule> rules, IReadOnlyList<Ipv4Range> virtualNetworkSpace)
    {
        var key = new StringBuilder();
        foreach (var range in virtualNetworkSpace)
        {
            key.Append(range).Append(',');
        }
        foreach (var rule in rules)
        {
            key.Append('\n').Append(rule.Name.Length).Append(':').Append(rule.Name).Append('|').Append(rule.Priority).Append('|').Append(rule.Direction).Append('|')
                .Append(rule.Access).Append('|').Append(rule.Protocol).Append('|');
            Append(key, rule.Source);
            Append(key, rule.Destination);
            foreach (var port in rule.Ports)
            {
                key.Append(port).Append(',');
            }
        }
        return key.ToString();
    }

    private static void Append(StringBuilder key, AddressSelector selector)
    {
        var tag = selector.IsAny ? "*" : selector.Tag ?? string.Empty;
        key.Append(tag.Length).Append(':').Append(tag).Append('[');
        foreach (var range in selector.Ranges)
        {
            key.Append(range).Append(',');
        }
        key.Append("]|");
    }
}
