using CacheSpec.Analysis;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Rules.Isolation;
using CacheSpec.Tests.Support;

namespace CacheSpec.Tests.Rules;

/// <summary>
/// The evaluator of an NSG carries over to the next analysis while its node is the same and what it resolves to is too;
/// the findings
/// after an edit are those of a fresh analysis whether it is reused or rebuilt.
/// </summary>
public class NsgEvaluatorMemoTests
{
    // The NSG before the network: an edit in the network leaves the NSG's nodes as they were while changing what
    // "pricing-vnet/redis" means.
    private static readonly string Spec = IncrementalEdit.Case("nsg-before-the-network");

    [Fact]
    public void An_edit_in_a_cache_keeps_the_evaluator_and_the_findings()
    {
        var (before, after) = Edit(Spec, "size: P2", "size: P3");

        Assert.Same(EvaluatorOf(before), EvaluatorOf(after));
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(after);
        Assert.Contains(SpecAnalyzer.Analyze(after).Diagnostics, diagnostic =>
            diagnostic.Code == "vnet-inbound-port-blocked");
    }

    [Fact]
    public void A_new_meaning_for_a_subnet_the_rules_name_builds_another_evaluator()
    {
        // The NSG's nodes stay the same, but its allow rule now names a subnet elsewhere, so the Redis subnet's own
        // traffic is denied.
        var (before, after) = Edit(Spec, "addressPrefix: 10.60.4.0/28", "addressPrefix: 10.60.4.0/29");
        var (_, moved) = Edit(Spec, "10.60.0.0/16]", "10.60.0.0/16, 10.61.0.0/16]");

        Assert.Same(before.FindNsg("pricing-redis-nsg")!.Syntax, after.FindNsg("pricing-redis-nsg")!.Syntax);
        Assert.NotSame(EvaluatorOf(before), EvaluatorOf(after));
        Assert.NotSame(EvaluatorOf(before), EvaluatorOf(moved));
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(after);
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(moved);
    }

    [Fact]
    public void An_edit_inside_the_nsg_builds_another_evaluator()
    {
        var (before, after) = Edit(Spec, "priority: 4096", "priority: 105");

        Assert.NotSame(EvaluatorOf(before), EvaluatorOf(after));
        IncrementalEdit.AssertSameFindingsAsAFreshAnalysis(after);
    }

    /// <summary>The model before (its evaluator built) and after replacing one piece of text, the second parsed
    /// incrementally.</summary>
    private static (WorkspaceModel Before, WorkspaceModel After) Edit(string text, string find, string replacement) =>
        IncrementalEdit.Models(text, find, replacement, model => EvaluatorOf(model));

    private static NsgEvaluator EvaluatorOf(WorkspaceModel model)
    {
        var subnet = model.FindSubnet("pricing-vnet/redis")!;
        return InjectedSubnetFlows.Evaluator(model, subnet, model.FindNsg("pricing-redis-nsg")!);
    }
}
