using System.Globalization;
using CacheSpec.Analysis.Editing;
using CacheSpec.Analysis.Network;
using CacheSpec.Analysis.Syntax;

namespace CacheSpec.Analysis.Rules.Structure;

/// <summary>
/// A prefix with host bits set: use its network (10.0.2.1/24 becomes 10.0.2.0/24). No fix for other malformed prefixes,
/// nor when the corrected subnet would overlap another subnet, leave its network's address space or touch a reserved
/// range, nor when a corrected address space would leave subnets outside it.
/// </summary>
internal sealed class InvalidCidrFix : FixProvider
{
    public override IEnumerable<CodeFix> Provide(FixContext context)
    {
        if (context.Document is not { } document
            || FormatLocator.At(document, context.Span)
                is not { IsKey: false, Node: ScalarSyntax { IsNull: false } scalar }
            || NetworkOf(scalar.Value) is not { } network || !Fits(document, scalar, network))
        {
            yield break;
        }
        if (YamlEdits.ReplaceScalar(context.File, scalar,
            YamlText.StringLike(context.File.Text, scalar, network.ToString())) is { } edit)
        {
            yield return new CodeFix($"Change '{scalar.Value}' to {network}, the network of this prefix",
                new[] { edit }, IsPreferred: true);
        }
    }

    /// <summary>The network of a prefix whose only fault is host bits set.</summary>
    private static Cidr? NetworkOf(string text)
    {
        var slash = text.IndexOf('/');
        if (Cidr.TryParse(text, out _) || slash < 0 || !Ipv4Address.TryParse(text[..slash], out var address))
        {
            return null;
        }
        var lengthText = text[(slash + 1)..];
        if (lengthText.Length is 0 or > 2 || !lengthText.All(char.IsAsciiDigit)
            || (lengthText.Length > 1 && lengthText[0] == '0'))
        {
            return null;
        }
        var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
        if (length > 32)
        {
            return null;
        }
        var mask = length == 0 ? 0 : uint.MaxValue << (32 - length);
        var network = new Cidr(new Ipv4Address(address.Value & mask), length);
        return Cidr.TryParse(network.ToString(), out _) ? network : null;
    }

    private static bool Fits(Model.SpecDocument document, SyntaxNode node, Cidr network)
    {
        foreach (var vnet in document.Networks)
        {
            if (vnet.Subnets.FirstOrDefault(subnet => subnet.AddressPrefixText?.Node == node) is { } fixedSubnet)
            {
                var overlaps = vnet.Subnets.Any(other =>
                    other != fixedSubnet && other.AddressPrefix is { } prefix
                    && prefix.Value.Range.Overlaps(network.Range));
                var outside = vnet.AddressSpace.Count > 0 && !vnet.ContainsAddresses(network.Range);
                return !overlaps && !outside && ReservedRanges.FirstOverlap(network.Range) is null;
            }
            if (vnet.AddressSpaceText.Any(space => space.Node == node))
            {
                // With no valid address space, the subnets were not checked against one; the corrected space must hold
                // them all.
                var subnetsFit = vnet.AddressSpace.Count > 0
                    || vnet.Subnets.All(subnet =>
                        subnet.AddressPrefix is not { } prefix || network.Range.Contains(prefix.Value.Range));
                return subnetsFit && ReservedRanges.FirstOverlap(network.Range) is null;
            }
        }
        return true;
    }
}
