using CacheSpec.Analysis.Diagnostics;

namespace CacheSpec.Analysis.Rules.Structure;

public sealed class SubnetOutsideAddressSpaceRule : Rule
{
    public override string Id => "subnet-outside-address-space";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary => "A subnet prefix is not inside its network's address space.";

    public override void Analyze(RuleContext context)
    {
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            // With no valid address space the invalid-cidr or missing-required finding already says what is wrong.
            if (network.AddressSpace.Count == 0)
            {
                continue;
            }
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                if (subnet.AddressPrefix is { } prefix && !network.ContainsAddresses(prefix.Value.Range))
                {
                    var spaces = string.Join(", ", network.AddressSpace.Select(space => space.Value));
                    context.Report(network.Document, prefix.Node,
                        $"Subnet '{subnet.Name?.Value}' ({prefix.Value}) is not inside the address space of network " +
                            $"'{network.Name?.Value}' ({spaces}).");
                }
            }
        }
    }
}
