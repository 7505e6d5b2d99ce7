using CacheSpec.Analysis.Network;
using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Rules.Isolation;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Which NSG rules block which flows of an injected subnet carries over to the next analysis while the subnet's node, the NSG's node,
/// the prefixes of the subnets the NSG names and the geo-replication peers are the same; the findings after an edit are those of a
/// fresh analysis either way.
/// </summary>
public class BlockedFlowsMemoTests
{
    private const string Path = "pricing.cachespec.yaml";

    // The NSG comes after the networks and names a subnet of another network listed after the injected subnet's, and the injected cache
    // has a geo-replica in a third network: edits there leave the injected subnet's node as it was while changing what its check depends on.
    private const string Spec = """
        apiVersion: cachespec/v1
        kind: CacheIsolationSpec
        guidance: 2020-10
        metadata:
          name: pricing
        networks:
          - name: pricing-vnet
            region: francecentral
            addressSpace: [10.60.0.0/16]
            subnets:
              - name: redis
                addressPrefix: 10.60.4.0/28
                networkSecurityGroup: pricing-redis-nsg
          - name: geo-vnet
            region: westeurope
            addressSpace: [10.70.0.0/16]
            subnets:
              - name: redis
                addressPrefix: 10.70.4.0/28
          - name: apps-vnet
            region: francecentral
            addressSpace: [10.80.0.0/16]
            subnets:
              - name: apps
                addressPrefix: 10.80.1.0/24
        networkSecurityGroups:
          - name: pricing-redis-nsg
            rules:
              - {name: allow-apps, priority: 100, direction: Inbound, access: Allow, protocol: Tcp, source: apps-vnet/apps, destination: "*", destinationPorts: [6379-6380]}
              - {name: deny-all-inbound, priority: 4096, direction: Inbound, access: Deny, protocol: "*", source: "*", destination: "*", destinationPorts: ["*"]}
              - {name: deny-all-outbound, priority: 4096, direction: Outbound, access: Deny, protocol: "*", source: "*", destination: "*", destinationPorts: ["*"]}
        caches:
          - name: pricing-cache
            tier: Premium
            size: P2
            region: francecentral
            geoReplication:
              linkedCache: pricing-geo
              role: primary
            isolation:
              vnetInjection:
                subnet: pricing-vnet/redis
          - name: pricing-geo
            tier: Premium
            size: P2
            region: westeurope
            geoReplication:
              linkedCache: pricing-cache
              role: secondary
            isolation:
              vnetInjection:
                subnet: geo-vnet/redis

        """;

    [Fact]
    public void An_edit_in_the_injected_cache_keeps_the_verdicts_and_the_findings()
    {
        var edit = Edit("size: P2", "size: P3");

        Assert.Same(edit.KeptBefore[0], edit.KeptAfter[0]);
        Assert.Same(edit.KeptBefore[1], edit.KeptAfter[1]);
        Assert.NotEmpty(edit.KeptAfter[1]);
    }

    [Theory]
    [InlineData("subnet: geo-vnet/redis", "subnet: apps-vnet/apps")] // the geo-replica moves: another peer prefix
    [InlineData("addressPrefix: 10.80.1.0/24", "addressPrefix: 10.80.2.0/24")] // the subnet the NSG's allow rule names moves
    [InlineData("priority: 4096, direction: Inbound", "priority: 90, direction: Inbound")] // the NSG itself changes
    public void A_change_to_what_the_check_depends_on_evaluates_again(string find, string replacement)
    {
        var edit = Edit(find, replacement);

        Assert.Same(edit.Before.FindSubnet("pricing-vnet/redis")!.Syntax, edit.After.FindSubnet("pricing-vnet/redis")!.Syntax);
        Assert.NotSame(edit.KeptBefore[0], edit.KeptAfter[0]);
    }

    /// <summary>
    /// The models before and after replacing one piece of text, the second parsed incrementally from the first, each analysed (which
    /// fills the memo) and checked against a fresh analysis of its text, with what the memo held after each (inbound, outbound).
    /// </summary>
    private static (WorkspaceModel Before, WorkspaceModel After, IReadOnlyList<BlockingRule>[] KeptBefore, IReadOnlyList<BlockingRule>[] KeptAfter) Edit(
        string find, string replacement)
    {
        var (file, edited) = IncrementalEdit.Replace(Path, Spec, find, replacement);
        // One host, as an editor keeps one per workspace: its memory carries over from one model to the next.
        var host = new AnalysisHost();
        var before = host.Model(new[] { file });
        AssertFreshFindingsWithBlockedFlows(before);
        var keptBefore = new[] { Kept(before, TrafficDirection.Inbound), Kept(before, TrafficDirection.Outbound) };
        var after = host.Model(new[] { edited });
        AssertFreshFindingsWithBlockedFlows(after);
        return (before, after, keptBefore, new[] { Kept(after, TrafficDirection.Inbound), Kept(after, TrafficDirection.Outbound) });
    }

    /// <summary>What the memo holds for the injected subnet after the model's analysis (which left it valid for that model).</summary>
    private static IReadOnlyList<BlockingRule> Kept(WorkspaceModel model, TrafficDirection direction)
    {
        var subnet = model.FindSubnet("pricing-vnet/redis")!;
        return model.Memory.Get<BlockedFlowsMemo>().For(model, subnet, model.FindNsg("pricing-redis-nsg")!, direction, InjectedSubnetFlows.GeoPeerPrefixes(model, subnet),
            () => throw new InvalidOperationException("The analysis left nothing for this model in the memo."));
    }

    private static void AssertFreshFindingsWithBlockedFlows(WorkspaceModel model)
    {
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(model);
        Assert.Contains(SpecAnalyzer.Analyze(model).Diagnostics, diagnostic => diagnostic.Code == "vnet-dependency-blocked");
    }
}
