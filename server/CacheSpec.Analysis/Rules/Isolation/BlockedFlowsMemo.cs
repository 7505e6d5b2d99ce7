using System.Runtime.CompilerServices;
using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Keeps, from one analysis to the next, which rules of an injected subnet's NSG block which of the flows its caches
/// need, per subnet node and direction. A subnet node met again means its network item is as it was (the edit was
/// elsewhere, see <see cref="IncrementalParser"/>), so the subnet's prefix and its network's address space, DNS
/// servers and other subnets are too; the verdicts are reused while the NSG is the same node in a document of the
/// same guidance profile (which picks the NSG table), the subnets its rules name have the same prefixes, and the
/// geo-replication peers are the same. One per <see cref="AnalysisMemory"/>.
/// </summary>
internal sealed class BlockedFlowsMemo
{
    private readonly ConditionalWeakTable<MappingSyntax, Entry> outbound = new();
    private readonly ConditionalWeakTable<MappingSyntax, Entry> inbound = new();

    public IReadOnlyList<BlockingRule> For(WorkspaceModel model, SubnetModel subnet, NsgModel nsg,
        TrafficDirection direction,
        IReadOnlyList<NamedRange> geoPeers, Func<IReadOnlyList<BlockingRule>> evaluate)
    {
        var table = direction == TrafficDirection.Outbound ? outbound : inbound;
        if (table.TryGetValue(subnet.Syntax, out var kept) && kept.Nsg == nsg.Syntax
            && kept.Profile == nsg.Document.Profile
            && kept.GeoPeers.SequenceEqual(geoPeers)
            && kept.NamedSubnets.All(named => PrefixOf(model, named.Reference) == named.Prefix))
        {
            return kept.Blocking;
        }
        var blocking = evaluate();
        var namedSubnets = NsgResolver.SubnetReferences(nsg)
            .Select(reference => new NamedSubnet(reference, PrefixOf(model, reference))).ToArray();
        table.AddOrUpdate(subnet.Syntax,
            new Entry(nsg.Syntax, nsg.Document.Profile, geoPeers, namedSubnets, blocking));
        return blocking;
    }

    private static Ipv4Range? PrefixOf(WorkspaceModel model, string reference) =>
        model.FindSubnet(reference)?.AddressPrefix?.Value.Range;

    private sealed record NamedSubnet(string Reference, Ipv4Range? Prefix);

    private sealed record Entry(MappingSyntax Nsg, GuidanceProfile Profile, IReadOnlyList<NamedRange> GeoPeers,
        IReadOnlyList<NamedSubnet> NamedSubnets, IReadOnlyList<BlockingRule> Blocking);
}
