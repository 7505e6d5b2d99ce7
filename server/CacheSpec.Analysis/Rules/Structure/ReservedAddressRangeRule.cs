using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Structure;

public sealed class ReservedAddressRangeRule : Rule
{
    public override string Id => "reserved-address-range";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "An address range overlaps a range Azure reserves (multicast, broadcast, loopback, link-local, 168.63.129.16).";

    public override void Analyze(RuleContext context)
    {
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            foreach (var space in network.AddressSpace)
            {
                context.Checkpoint();
                if (ReservedRanges.FirstOverlap(space.Value.Range) is { } reserved)
                {
                    context.Report(network.Document, space.Node,
                        $"The address space {space.Value} overlaps {reserved.Range} ({reserved.Purpose}), which " +
                            "Azure does not allow in a virtual network.");
                }
            }
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                if (subnet.AddressPrefix is not { } prefix
                    || ReservedRanges.FirstOverlap(prefix.Value.Range) is not { } reserved)
                {
                    continue;
                }
                // Reported once, on the address space, when the subnet sits inside a reserved-overlapping space.
                var coveredBySpace = network.AddressSpace.Any(space =>
                    space.Value.Range.Contains(prefix.Value.Range)
                    && ReservedRanges.FirstOverlap(space.Value.Range) is not null);
                if (!coveredBySpace)
                {
                    context.Report(network.Document, prefix.Node,
                        $"Subnet '{subnet.Name?.Value}' ({prefix.Value}) overlaps {reserved.Range} " +
                            $"({reserved.Purpose}), which Azure does not allow.");
                }
            }
        }
    }
}
