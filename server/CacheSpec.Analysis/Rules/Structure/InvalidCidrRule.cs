using CacheSpec.Analysis.Diagnostics;
using CacheSpec.Analysis.Format;
using CacheSpec.Analysis.Model;
using CacheSpec.Analysis.Network;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// Address spaces, subnet and route prefixes, and prefixes in NSG rules must be IPv4 CIDRs without host bits.
/// </summary>
public sealed class InvalidCidrRule : Rule
{
    public override string Id => "invalid-cidr";
    public override RuleCategory Category => RuleCategory.Structure;
    public override RuleInputs Reads => RuleInputs.Item;
    public override Severities Severities => Severities.Both(DiagnosticSeverity.Error);
    public override string Summary =>
        "An address prefix or address space is not a valid IPv4 CIDR, or has host bits set.";
    public override FixProvider Fix { get; } = new InvalidCidrFix();

    public override void Analyze(RuleContext context)
    {
        foreach (var network in context.Networks)
        {
            context.Checkpoint();
            foreach (var space in network.AddressSpaceText)
            {
                context.Checkpoint();
                Check(context, network.Document, space, "address space entry");
            }
            foreach (var subnet in network.Subnets)
            {
                context.Checkpoint();
                Check(context, network.Document, subnet.AddressPrefixText, "subnet prefix");
                foreach (var route in subnet.Routes)
                {
                    context.Checkpoint();
                    Check(context, network.Document, route.AddressPrefixText, "route prefix");
                }
            }
        }
        foreach (var nsg in context.NetworkSecurityGroups)
        {
            context.Checkpoint();
            foreach (var rule in nsg.Rules)
            {
                context.Checkpoint();
                CheckPrefix(context, nsg.Document, rule.Source);
                CheckPrefix(context, nsg.Document, rule.Destination);
            }
        }
    }

    /// <summary>
    /// An NSG rule's address is a prefix, an address or a service tag: only what looks like a prefix must be one.
    /// </summary>
    private static void CheckPrefix(RuleContext context, SpecDocument document, Located<string>? address)
    {
        if (address is not null && AddressText.LooksLikePrefix(address.Value))
        {
            Check(context, document, address, "NSG rule prefix");
        }
    }

    private static void Check(RuleContext context, SpecDocument document, Located<string>? text, string what)
    {
        if (text is not null && !Cidr.TryParse(text.Value, out _, out var problem))
        {
            context.Report(document, text.Node, $"The {what} '{text.Value}' is not a valid IPv4 CIDR: {problem}.");
        }
    }
}
