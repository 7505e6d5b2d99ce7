using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Isolation;

/// <summary>
/// Two geo-replicated caches injected into different networks whose address spaces overlap: the networks can be
/// neither peered nor joined by a VNet-to-VNet VPN, so the replicas never reach each other. Reported on the cache's
/// geoReplication and on its network's overlapping address space entries (the linked cache reports its own side; when
/// it does not link back, this cache reports that side too). Private Link caches replicate on Azure's side and are not
/// judged.
/// </summary>
public sealed class GeoReplicationAddressOverlapRule : CacheRule
{
    public override string Id => "geo-replication-address-overlap";
    public override RuleCategory Category => RuleCategory.Isolation;
    public override RuleInputs Reads => RuleInputs.ItemAndReferences;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "Geo-replicated caches are injected into networks whose address spaces overlap, which cannot be connected.";

    protected override void Check(CacheModel cache, RuleContext context)
    {
        if (cache.GeoReplicationKey is not { } geo || cache.LinkedCache is not { } link
            || context.Model.FindCache(link.Value) is not { } linked || linked == cache
            || InjectedNetwork(cache, context.Model) is not { } own
            || InjectedNetwork(linked, context.Model) is not { } other
            || own == other || own.Name?.Value == other.Name?.Value)
        {
            return;
        }
        var overlaps = own.AddressSpace
            .SelectMany(mine => other.AddressSpace.Where(theirs => mine.Value.Range.Overlaps(theirs.Value.Range))
                .Select(theirs => (Mine: mine, Theirs: theirs)))
            .ToArray();
        context.Checkpoint(own.AddressSpace.Count * (long)other.AddressSpace.Count);
        if (overlaps.Length == 0)
        {
            return;
        }
        var pairs = string.Join(", ", overlaps.Select(pair => $"{pair.Mine.Value} and {pair.Theirs.Value}"));
        context.Report(cache.Document, geo,
            $"Cache '{cache.DisplayName}' is geo-replicated with '{linked.DisplayName}', but their networks " +
                $"'{Name(own)}' and '{Name(other)}' overlap ({pairs}): they can be neither peered nor joined by a " +
                "VPN, so the replicas cannot reach each other.");
        ReportEntries(context, own, other, overlaps.Select(pair => (pair.Mine, pair.Theirs)), cache, linked);
        if (linked.LinkedCache?.Value != cache.Name?.Value)
        {
            ReportEntries(context, other, own, overlaps.Select(pair => (pair.Theirs, pair.Mine)), linked, cache);
        }
    }

    private static void ReportEntries(RuleContext context, NetworkModel network, NetworkModel peer,
        IEnumerable<(Located<Network.Cidr> Entry, Located<Network.Cidr> PeerEntry)> overlaps, CacheModel cache,
        CacheModel linked)
    {
        foreach (var group in overlaps.GroupBy(pair => pair.Entry))
        {
            var theirs = string.Join(", ", group.Select(pair => pair.PeerEntry.Value));
            context.Report(network.Document, group.Key.Node,
                $"Address space {group.Key.Value} of network '{Name(network)}' overlaps {theirs} of '{Name(peer)}', " +
                    $"where the geo-replica '{linked.DisplayName}' of cache '{cache.DisplayName}' is injected; the " +
                    "two networks cannot be connected.");
        }
    }

    /// <summary>The network of the subnet a cache is injected into, when the reference resolves.</summary>
    private static NetworkModel? InjectedNetwork(CacheModel cache, WorkspaceModel model) =>
        cache.VnetInjection?.Subnet is { } reference ? model.FindSubnet(reference.Value)?.Network : null;

    private static string Name(NetworkModel network) => network.Name?.Value ?? "(unnamed)";
}
