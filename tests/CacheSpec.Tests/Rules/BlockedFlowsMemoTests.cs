using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Rules.Isolation;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// Which NSG rules block which flows of an injected subnet carries over to the next analysis while the subnet's node,
/// the NSG's node,
/// the prefixes of the subnets the NSG names and the geo-replication peers are the same; the findings after an edit are
/// those of a
/// fresh analysis either way.
/// </summary>
public class BlockedFlowsMemoTests
{
    // The NSG comes after the networks and names a subnet of another network listed after the injected subnet's, and
    // the injected cache
    // has a geo-replica in a third network: edits there leave the injected subnet's node as it was while changing what
    // its check depends on.
    private static readonly string Spec = IncrementalEdit.Case("nsg-after-the-networks");

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
    [InlineData("addressPrefix: 10.80.1.0/24",
        "addressPrefix: 10.80.2.0/24")] // the subnet the NSG's allow rule names moves
    [InlineData("priority: 4096, direction: Inbound", "priority: 90, direction: Inbound")] // the NSG itself changes
    public void A_change_to_what_the_check_depends_on_evaluates_again(string find, string replacement)
    {
        var edit = Edit(find, replacement);

        Assert.Same(edit.Before.FindSubnet("pricing-vnet/redis")!.Syntax,
            edit.After.FindSubnet("pricing-vnet/redis")!.Syntax);
        Assert.NotSame(edit.KeptBefore[0], edit.KeptAfter[0]);
    }

    /// <summary>
    /// The models before and after replacing one piece of text, the second parsed incrementally from the first, each
    /// analysed (which
    /// fills the memo) and checked against a fresh analysis of its text, with what the memo held after each (inbound,
    /// outbound).
    /// </summary>
    private static (WorkspaceModel Before, WorkspaceModel After, IReadOnlyList<BlockingRule>[] KeptBefore,
        IReadOnlyList<BlockingRule>[] KeptAfter) Edit(string find, string replacement)
    {
        var keptBefore = Array.Empty<IReadOnlyList<BlockingRule>>();
        var (before, after) = IncrementalEdit.Models(Spec, find, replacement, model =>
        {
            AssertFreshFindingsWithBlockedFlows(model);
            keptBefore = KeptBoth(model);
        });
        AssertFreshFindingsWithBlockedFlows(after);
        return (before, after, keptBefore, KeptBoth(after));
    }

    private static IReadOnlyList<BlockingRule>[] KeptBoth(WorkspaceModel model) =>
        new[] { Kept(model, TrafficDirection.Inbound), Kept(model, TrafficDirection.Outbound) };

    /// <summary>What the memo holds for the injected subnet after the model's analysis (which left it valid for that
    /// model).</summary>
    private static IReadOnlyList<BlockingRule> Kept(WorkspaceModel model, TrafficDirection direction)
    {
        var subnet = model.FindSubnet("pricing-vnet/redis")!;
        return model.Memory.Get<BlockedFlowsMemo>().For(model, subnet, model.FindNsg("pricing-redis-nsg")!, direction,
            InjectedSubnetFlows.GeoPeers(model, subnet),
            () => throw new InvalidOperationException("The analysis left nothing for this model in the memo."));
    }

    private static void AssertFreshFindingsWithBlockedFlows(WorkspaceModel model)
    {
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(model);
        Assert.Contains(SpecAnalyzer.Analyze(model).Diagnostics, diagnostic =>
            diagnostic.Code == "vnet-dependency-blocked");
    }
}
