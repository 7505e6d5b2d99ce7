using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Model;

namespace CacheSpec.Analysis.Rules.Structure;

public sealed class OverlappingSubnetsRule : Rule
{
    public override string Id => "overlapping-subnets";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "Two subnets of one network overlap.";

    public override void Analyze(RuleContext context)
    {
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            // A sweep in order of first address: a subnet overlaps an earlier one exactly when it starts before the
            // furthest end seen so far, so each overlap is found in O(n log n).
            var subnets = network.Subnets.Where(subnet => subnet.AddressPrefix is not null)
                .OrderBy(subnet => subnet.AddressPrefix!.Value.Range.First.Value)
                .ThenBy(subnet => subnet.AddressPrefix!.Node.Span.Start)
                .ToArray();
            SubnetModel? reaching = null;
            foreach (var subnet in subnets)
            {
                context.Checkpoint();
                var range = subnet.AddressPrefix!.Value.Range;
                if (reaching is not null && reaching.AddressPrefix!.Value.Range.Last.Value >= range.First.Value)
                {
                    var (later, earlier) =
                        subnet.AddressPrefix!.Node.Span.Start > reaching.AddressPrefix!.Node.Span.Start
                        ? (subnet, reaching) : (reaching, subnet);
                    context.Report(network.Document, later.AddressPrefix!.Node,
                        $"Subnet '{later.Name?.Value}' ({later.AddressPrefix!.Value}) overlaps subnet " +
                            $"'{earlier.Name?.Value}' ({earlier.AddressPrefix!.Value}) of network " +
                            $"'{network.Name?.Value}'.");
                }
                if (reaching is null || range.Last.Value > reaching.AddressPrefix!.Value.Range.Last.Value)
                {
                    reaching = subnet;
                }
            }
        }
    }
}
